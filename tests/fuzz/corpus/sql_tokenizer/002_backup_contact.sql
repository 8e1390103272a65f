-- Customers may give a second address and phone.
ALTER TABLE customers
  ADD COLUMN backup_email text;
UPDATE customers
   SET profile = jsonb_set(profile, '{contact,alt_phone}',
                           to_jsonb('+1 212 555 ' || lpad(id::text, 4, '0')));
