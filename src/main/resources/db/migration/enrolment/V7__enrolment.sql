CREATE TABLE school_class (
  school_id          bigint  NOT NULL,
  id                 bigint GENERATED ALWAYS AS IDENTITY,
  start_year         integer NOT NULL,
  grade              integer NOT NULL CHECK (grade BETWEEN 0 AND 12),
  name               text    NOT NULL,
  homeroom_staff_id  bigint,
  room               text,
  shift              text CHECK (shift IN ('MORNING', 'AFTERNOON', 'FULL_DAY')),
  PRIMARY KEY (school_id, id),
  UNIQUE (id),
  UNIQUE (school_id, start_year, name),
  FOREIGN KEY (school_id, start_year) REFERENCES school_year (school_id, start_year),
  FOREIGN KEY (school_id, homeroom_staff_id) REFERENCES staff (school_id, id)
);

-- Every change of class is a new row; ends_on closes the previous one. Nothing is overwritten.
CREATE TABLE enrolment (
  school_id   bigint NOT NULL,
  id          bigint GENERATED ALWAYS AS IDENTITY,
  class_id    bigint NOT NULL,
  student_id  bigint NOT NULL,
  starts_on   date   NOT NULL,
  ends_on     date,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX enrolment_class ON enrolment (school_id, class_id);
CREATE INDEX enrolment_student ON enrolment (school_id, student_id);
