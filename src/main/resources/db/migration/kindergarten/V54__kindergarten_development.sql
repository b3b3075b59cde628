-- The child-development standard set a school assesses its five-year-olds against (the one its Sở
-- uses), and each child's record: indicator by indicator, met or not yet, as last assessed.
CREATE TABLE development_setting (
  school_id   bigint      PRIMARY KEY REFERENCES school (id),
  set_code    text        NOT NULL CHECK (length(set_code) BETWEEN 1 AND 40),
  changed_by  bigint      NOT NULL,
  changed_at  timestamptz NOT NULL
);

CREATE TABLE development_record (
  school_id     bigint      NOT NULL,
  student_id    bigint      NOT NULL,
  set_code      text        NOT NULL CHECK (length(set_code) BETWEEN 1 AND 40),
  indicator_no  integer     NOT NULL CHECK (indicator_no BETWEEN 1 AND 500),
  met           boolean     NOT NULL,
  assessed_by   bigint      NOT NULL,
  assessed_at   timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, set_code, indicator_no),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
