-- A student who moves to another school on TruongSo gets a record in the new school (school_id
-- leads every key), linked both ways so that the history follows; the old record keeps its data for
-- the old school's books, and no longer holds the personal ID and student code uniquely.
ALTER TABLE student
  ADD COLUMN moved_to_school_id    bigint,
  ADD COLUMN moved_to_student_id   bigint,
  ADD COLUMN moved_from_school_id  bigint,
  ADD COLUMN moved_from_student_id bigint,
  ADD FOREIGN KEY (moved_to_school_id, moved_to_student_id) REFERENCES student (school_id, id),
  ADD FOREIGN KEY (moved_from_school_id, moved_from_student_id) REFERENCES student (school_id, id);

DROP INDEX student_personal_id;
CREATE UNIQUE INDEX student_personal_id ON student (personal_id)
  WHERE personal_id IS NOT NULL AND moved_to_student_id IS NULL;
DROP INDEX student_code_unique;
CREATE UNIQUE INDEX student_code_unique ON student (student_code)
  WHERE student_code IS NOT NULL AND moved_to_student_id IS NULL;
