-- Search over millions of students (benchmark in docs/PERFORMANCE.md): the folded name is stored,
-- so that an index hit is not re-checked through unaccent row by row; a short query ("An", "Hà")
-- matches given names exactly through a b-tree; personal ID and student code have plain indexes, so
-- the three parts of the search combine as one bitmap scan instead of a sequential scan.
ALTER TABLE student
  ADD COLUMN name_folded text GENERATED ALWAYS AS (fold_vi(family_name || ' ' || middle_name || ' ' || given_name)) STORED,
  ADD COLUMN given_folded text GENERATED ALWAYS AS (fold_vi(given_name)) STORED;
DROP INDEX IF EXISTS student_name_trgm;
CREATE INDEX student_name_trgm ON student USING gin (name_folded gin_trgm_ops);
CREATE INDEX student_given_folded ON student (given_folded);
CREATE INDEX student_personal_id_any ON student (personal_id) WHERE personal_id IS NOT NULL;
CREATE INDEX student_code_upper ON student (upper(student_code)) WHERE student_code IS NOT NULL;
