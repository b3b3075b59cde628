-- Why each enrolment began and ended, so that the history reads as movements (issue 3).
ALTER TABLE enrolment
  ADD COLUMN start_reason text NOT NULL DEFAULT 'ENROL'
    CHECK (start_reason IN ('ENROL', 'TRANSFER_IN', 'CLASS_CHANGE', 'RETURN', 'PROMOTION', 'REPEAT')),
  ADD COLUMN end_reason text
    CHECK (end_reason IN ('CLASS_CHANGE', 'TRANSFER_OUT', 'DROP_OUT', 'YEAR_END', 'COMPLETED')),
  ADD COLUMN note text CHECK (length(note) <= 500),
  ADD CONSTRAINT enrolment_end_has_reason CHECK ((ends_on IS NULL) = (end_reason IS NULL));

-- No student is in two classes of a school on the same day.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE enrolment ADD CONSTRAINT enrolment_no_overlap EXCLUDE USING gist (
  school_id WITH =, student_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&);

-- Sổ đăng bộ: one permanent number per student per school, given on first enrolment, never reused.
CREATE TABLE register_counter (
  school_id  bigint PRIMARY KEY,
  last_no    integer NOT NULL
);

CREATE TABLE register_entry (
  school_id          bigint  NOT NULL,
  register_no        integer NOT NULL CHECK (register_no > 0),
  student_id         bigint  NOT NULL,
  enrolled_on        date    NOT NULL,
  left_on            date,
  leaving_reason     text    CHECK (leaving_reason IN ('TRANSFER_OUT', 'DROP_OUT', 'COMPLETED')),
  leaving_note       text    CHECK (length(leaving_note) <= 500),
  destination        text    CHECK (length(destination) <= 200),
  PRIMARY KEY (school_id, register_no),
  UNIQUE (school_id, student_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
