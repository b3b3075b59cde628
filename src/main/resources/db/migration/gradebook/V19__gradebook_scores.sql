-- The grade book's cells: one row per student, subject, term and assessment slot (TX1–TX4 regular,
-- GK mid-term, CK end-of-term, RETEST the summer re-assessment, kept on term 2). A row is never
-- deleted: clearing a cell keeps the row with no value, so its version keeps counting and a change
-- made elsewhere meanwhile is always detected.
CREATE TABLE score_cell (
  school_id    bigint       NOT NULL,
  class_id     bigint       NOT NULL,
  subject_code text         NOT NULL,
  term_no      integer      NOT NULL CHECK (term_no IN (1, 2)),
  student_id   bigint       NOT NULL,
  slot         text         NOT NULL CHECK (slot IN ('TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'RETEST')),
  score        numeric(3, 1) CHECK (score BETWEEN 0 AND 10),
  comment      text         CHECK (comment IN ('DAT', 'CHUA_DAT')),
  absent       boolean      NOT NULL DEFAULT false,
  version      integer      NOT NULL CHECK (version > 0),
  changed_at   timestamptz  NOT NULL,
  changed_by   bigint       NOT NULL,
  PRIMARY KEY (school_id, class_id, subject_code, term_no, student_id, slot),
  CHECK (num_nonnulls(score, comment) + (CASE WHEN absent THEN 1 ELSE 0 END) <= 1),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
