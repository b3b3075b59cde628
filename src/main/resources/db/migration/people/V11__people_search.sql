-- Search by name without diacritics or case ("nguyen van an" finds "Nguyễn Văn An"): trigram
-- indexes over the folded full name serve LIKE '%…%' on millions of rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DROP INDEX IF EXISTS student_name_folded;
CREATE INDEX student_name_trgm ON student
  USING gin (fold_vi(family_name || ' ' || middle_name || ' ' || given_name) gin_trgm_ops);
DROP INDEX IF EXISTS staff_name_folded;
CREATE INDEX staff_name_trgm ON staff
  USING gin (fold_vi(family_name || ' ' || middle_name || ' ' || given_name) gin_trgm_ops);
