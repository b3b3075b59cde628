-- How a student is assessed differently in a school year. An exemption from the practical part of
-- physical education or defence education (TT22 art. 10: the student is assessed on theory and the
-- subject still counts) or, under TT58 art. 12, from the whole subject for the year (left out of
-- the results). A student with disabilities assessed on an individual education plan (TT22 art.
-- 11), whose promotion the principal decides (art. 12.4): the decision is kept here.
CREATE TABLE subject_exemption (
  school_id    bigint      NOT NULL,
  student_id   bigint      NOT NULL,
  start_year   integer     NOT NULL,
  subject_code text        NOT NULL,
  terms        text        NOT NULL CHECK (terms IN ('HK1', 'HK2', 'CN')),
  basis        text        NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
  decided_by   bigint      NOT NULL,
  decided_at   timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, start_year, subject_code),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);

CREATE TABLE individual_plan (
  school_id     bigint      NOT NULL,
  student_id    bigint      NOT NULL,
  start_year    integer     NOT NULL,
  basis         text        NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
  decided_by    bigint      NOT NULL,
  decided_at    timestamptz NOT NULL,
  promotion     text        CHECK (promotion IN ('PROMOTED', 'RETAINED')),
  promotion_by  bigint,
  promotion_at  timestamptz,
  PRIMARY KEY (school_id, student_id, start_year),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK ((promotion IS NULL) = (promotion_by IS NULL))
);
