-- The primary grade book (TT27/2020): at each of the four points of the year (GHKI, CHKI, GHKII,
-- CN) a level per subject or activity (T, H, C) with a comment and, where the grade's plan has a
-- periodic test at that point, its whole-number score — entered by the subject's teacher; and a
-- level per quality and competency (T, Đ, C) with a comment — entered by the homeroom teacher.
-- Every write bumps the version (two tabs cannot overwrite each other) and is audited.
CREATE TABLE primary_assessment (
  school_id   bigint      NOT NULL,
  class_id    bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  point       text        NOT NULL CHECK (point IN ('GHKI', 'CHKI', 'GHKII', 'CN')),
  kind        text        NOT NULL CHECK (kind IN ('SUBJECT', 'QUALITY', 'COMPETENCE')),
  item        text        NOT NULL,
  level       text        CHECK (level IN ('T', 'H', 'C', 'D')),
  comment     text        CHECK (length(comment) <= 500),
  score       integer     CHECK (score BETWEEN 0 AND 10),
  version     integer     NOT NULL CHECK (version >= 1),
  changed_at  timestamptz NOT NULL,
  changed_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id, point, kind, item),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  -- a subject's level is T/H/C; a quality's or competency's T/Đ/C (stored D); only subjects score
  CHECK (kind = 'SUBJECT' OR (level IS DISTINCT FROM 'H' AND score IS NULL)),
  CHECK (kind <> 'SUBJECT' OR level IS DISTINCT FROM 'D')
);

CREATE INDEX primary_assessment_class ON primary_assessment (school_id, class_id, point);
