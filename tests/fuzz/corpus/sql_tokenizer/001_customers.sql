-- The shop's first schema, with synthetic rows so that the gate's scan
-- sees what the JSONB documents hold (column names alone speak for empty
-- columns; keys inside JSON need values).
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'active',
  profile jsonb
);

INSERT INTO customers (email, profile)
SELECT 'customer' || g || '@example.com',
       jsonb_build_object('contact', jsonb_build_object(
         'email', 'c' || g || '@mail.example.org',
         'phone', '+1 415 555 ' || lpad((1000 + g)::text, 4, '0')))
FROM generate_series(1, 200) g;
