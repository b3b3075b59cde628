-- A guardian record belongs to the school that entered it (Law 91/2025: a school processes the
-- personal data it collected, and no other school reads or edits it). Records that schools had
-- come to share by name and phone are split: the first school keeps the record, every other
-- school gets its own copy, and its links and parent accounts point to that copy.
ALTER TABLE guardian ADD COLUMN school_id bigint REFERENCES school (id);

UPDATE guardian g SET school_id = (
  SELECT min(sg.school_id) FROM student_guardian sg WHERE sg.guardian_id = g.id);

CREATE TEMP TABLE guardian_split ON COMMIT DROP AS
  SELECT DISTINCT sg.guardian_id AS old_id, sg.school_id, 0::bigint AS new_id
  FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
  WHERE sg.school_id <> g.school_id;

UPDATE guardian_split SET new_id = nextval(pg_get_serial_sequence('guardian', 'id'));

INSERT INTO guardian (id, full_name, birth_year, occupation, phone, personal_id, email, created_at, school_id)
  OVERRIDING SYSTEM VALUE
  SELECT s.new_id, g.full_name, g.birth_year, g.occupation, g.phone, g.personal_id, g.email,
         g.created_at, s.school_id
  FROM guardian_split s JOIN guardian g ON g.id = s.old_id;

UPDATE student_guardian sg SET guardian_id = s.new_id
  FROM guardian_split s WHERE sg.guardian_id = s.old_id AND sg.school_id = s.school_id;

UPDATE account a SET profile_id = s.new_id
  FROM guardian_split s
  WHERE a.profile_kind = 'GUARDIAN' AND a.profile_id = s.old_id AND a.profile_school_id = s.school_id;

CREATE INDEX guardian_school_phone ON guardian (school_id, phone);
