-- What a primary pupil's year-end evaluation reads besides the four points (TT27/2020):
-- the homeroom teacher's proposal of an outstanding pupil, agreed by the class (art. 13.1b); the
-- individual education plan of a pupil with a disability (art. 10); the principal's decision on
-- promotion or repeating (art. 12.2, art. 10), with its reason; and the supplementary assessment's
-- values (art. 12.2), which replace the year-end values they name.
CREATE TABLE primary_year (
  school_id            bigint      NOT NULL,
  class_id             bigint      NOT NULL,
  student_id           bigint      NOT NULL,
  outstanding_proposed boolean     NOT NULL DEFAULT false,
  outstanding_note     text        CHECK (length(outstanding_note) <= 500),
  individual_plan      boolean     NOT NULL DEFAULT false,
  principal_promotes   boolean,
  decision_reason      text        CHECK (length(decision_reason) <= 1000),
  decided_by           bigint,
  decided_at           timestamptz,
  version              integer     NOT NULL CHECK (version >= 1),
  changed_at           timestamptz NOT NULL,
  changed_by           bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  -- a decision always has its reason and its author
  CHECK (principal_promotes IS NULL
         OR (decision_reason IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
);

CREATE TABLE primary_supplementary (
  school_id   bigint      NOT NULL,
  class_id    bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('SUBJECT', 'QUALITY', 'COMPETENCE')),
  item        text        NOT NULL,
  level       text        NOT NULL CHECK (level IN ('T', 'H', 'C', 'D')),
  score       integer     CHECK (score BETWEEN 0 AND 10),
  version     integer     NOT NULL CHECK (version >= 1),
  changed_at  timestamptz NOT NULL,
  changed_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id, kind, item),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK (kind = 'SUBJECT' OR (level <> 'H' AND score IS NULL)),
  CHECK (kind <> 'SUBJECT' OR level <> 'D')
);
