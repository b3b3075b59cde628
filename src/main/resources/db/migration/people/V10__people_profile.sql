-- The full student profile (issue 3; DH-SD and PH-MN: "Thông tin tối thiểu gồm…").
ALTER TABLE student
  ADD COLUMN religion_code            text REFERENCES religion (code),
  ADD COLUMN nationality              text NOT NULL DEFAULT 'Việt Nam',
  ADD COLUMN place_of_birth           text,
  ADD COLUMN home_town                text,
  ADD COLUMN permanent_ward_code      text REFERENCES admin_ward (code),
  ADD COLUMN permanent_address        text,
  ADD COLUMN current_ward_code        text REFERENCES admin_ward (code),
  ADD COLUMN current_address          text,
  ADD COLUMN policy_status            text,
  ADD COLUMN disability               text,
  ADD COLUMN health_insurance_no      text,
  ADD COLUMN updated_at               timestamptz,
  ADD CONSTRAINT student_text_lengths CHECK (
    length(family_name) <= 40 AND length(middle_name) <= 60 AND length(given_name) <= 40
    AND coalesce(length(place_of_birth), 0) <= 200 AND coalesce(length(home_town), 0) <= 200
    AND coalesce(length(permanent_address), 0) <= 300 AND coalesce(length(current_address), 0) <= 300
    AND coalesce(length(disability), 0) <= 300 AND coalesce(length(health_insurance_no), 0) <= 20);

-- The Ministry student code (mã học sinh) is optional but unique.
CREATE UNIQUE INDEX student_code_unique ON student (student_code) WHERE student_code IS NOT NULL;

-- Photos for the first page of the school record, kept apart from the row read on every list.
CREATE TABLE student_photo (
  school_id     bigint NOT NULL,
  student_id    bigint NOT NULL,
  content_type  text   NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes         bytea  NOT NULL,
  sha256        text   NOT NULL,
  uploaded_at   timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);

ALTER TABLE staff
  ADD COLUMN qualification    text,
  ADD COLUMN employment_type  text,
  ADD COLUMN start_date       date;

ALTER TABLE guardian ADD CONSTRAINT guardian_email CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

CREATE INDEX staff_name_folded ON staff (school_id, fold_vi(family_name || ' ' || middle_name || ' ' || given_name));
