CREATE TABLE "Odd ""Name""" (id int, "E-Mail" text); -- comment
/* nested /* comment */ still */ ALTER TABLE public.x ADD COLUMN y text DEFAULT E'it\'s';
INSERT INTO t (j) VALUES ($tag$ {"k": 1}; $tag$), (U&'\0041'), ('it''s');
ALTER TABLE t RENAME COLUMN a TO "b"; $$unterminated