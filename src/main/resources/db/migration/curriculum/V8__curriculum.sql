-- Subjects of the 2018 general-education programme by grade (Thông tư 32/2018, amended by 13/2022).
CREATE TABLE programme_subject (
  level                 text    NOT NULL CHECK (level IN ('tieu_hoc', 'thcs', 'thpt')),
  grade                 integer NOT NULL CHECK (grade BETWEEN 1 AND 12),
  subject_code          text    NOT NULL,
  name_vi               text    NOT NULL,
  category              text    NOT NULL,
  periods_per_year      integer,
  assessment_mode       text    NOT NULL,
  periodic_test_points  text,
  PRIMARY KEY (grade, subject_code)
);

CREATE TABLE teaching_assignment (
  school_id     bigint  NOT NULL,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  class_id      bigint  NOT NULL,
  subject_code  text    NOT NULL,
  term_no       integer NOT NULL CHECK (term_no IN (1, 2)),
  staff_id      bigint  NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, class_id, subject_code, term_no),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, staff_id) REFERENCES staff (school_id, id)
);
