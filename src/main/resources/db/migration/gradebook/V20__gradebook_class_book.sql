-- What the homeroom teacher enters in the class book: conduct per term (HK1, HK2), the year's
-- conduct where the circular has the teacher give it (CN, TT58) and the re-assessment after summer
-- training (HE); absences per term, excused and unexcused sessions (buổi).
CREATE TABLE conduct_entry (
  school_id   bigint      NOT NULL,
  class_id    bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  period      text        NOT NULL CHECK (period IN ('HK1', 'HK2', 'CN', 'HE')),
  level       text        NOT NULL CHECK (level IN ('TOT', 'KHA', 'DAT', 'CHUA_DAT', 'TB', 'YEU')),
  comment     text        CHECK (length(comment) <= 500),
  changed_at  timestamptz NOT NULL,
  changed_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id, period),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);

CREATE TABLE absence_entry (
  school_id   bigint      NOT NULL,
  class_id    bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  term_no     integer     NOT NULL CHECK (term_no IN (1, 2)),
  excused     integer     NOT NULL CHECK (excused BETWEEN 0 AND 200),
  unexcused   integer     NOT NULL CHECK (unexcused BETWEEN 0 AND 200),
  changed_at  timestamptz NOT NULL,
  changed_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id, term_no),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
