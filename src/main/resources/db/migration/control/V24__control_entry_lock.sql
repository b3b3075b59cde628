-- Locks on the grade book, at any scope of a school year: the year (every dimension null), a term,
-- a grade, a class, a subject, a class × subject, or one assessment column (class × subject × term
-- × slot). An "open" row makes an exception inside a wider lock (a class opened for a correction
-- while its term is locked); the most specific row in force decides, a lock before an open at the
-- same depth. Rows are never deleted: lifting one records who, when and why.
CREATE TABLE entry_lock (
  school_id      bigint      NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  start_year     integer     NOT NULL,
  term_no        integer     CHECK (term_no IN (1, 2)),
  grade          integer     CHECK (grade BETWEEN 1 AND 12),
  class_id       bigint,
  subject_code   text,
  slot           text        CHECK (slot IN ('TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'RETEST')),
  opens          boolean     NOT NULL DEFAULT false,
  reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  instruction    text        CHECK (length(instruction) <= 500),
  locked_by      bigint      NOT NULL,
  locked_by_name text        NOT NULL,
  locked_at      timestamptz NOT NULL,
  lifted_by      bigint,
  lifted_at      timestamptz,
  lift_reason    text        CHECK (length(lift_reason) <= 500),
  PRIMARY KEY (school_id, id),
  CHECK (slot IS NULL OR (class_id IS NOT NULL AND subject_code IS NOT NULL AND term_no IS NOT NULL)),
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX entry_lock_in_force ON entry_lock (school_id, start_year) WHERE lifted_at IS NULL;

-- One row per school year: a save share-locks it while it checks and writes, a lock or unlock
-- takes it exclusively, so a cell never changes after the lock that covers it has taken effect.
CREATE TABLE entry_control (
  school_id   bigint  NOT NULL,
  start_year  integer NOT NULL,
  PRIMARY KEY (school_id, start_year)
);
