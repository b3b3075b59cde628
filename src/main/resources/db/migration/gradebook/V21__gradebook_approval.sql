-- Submission and approval of a class's results: period 1 is the first term, period 2 the second
-- term with the year. A submitted or approved period freezes its inputs; only re-test scores and
-- the conduct after summer training are entered afterwards.
CREATE TABLE result_approval (
  school_id     bigint      NOT NULL,
  class_id      bigint      NOT NULL,
  period        integer     NOT NULL CHECK (period IN (1, 2)),
  state         text        NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'RETURNED')),
  submitted_by  bigint      NOT NULL,
  submitted_at  timestamptz NOT NULL,
  decided_by    bigint,
  decided_at    timestamptz,
  note          text        CHECK (length(note) <= 1000),
  PRIMARY KEY (school_id, class_id, period),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);

-- The results as approved (and as recomputed afterwards: re-tests, summer training, a corrected
-- policy). What the books print and the reports count; the pages compute live values themselves.
CREATE TABLE student_result (
  school_id        bigint      NOT NULL,
  class_id         bigint      NOT NULL,
  student_id       bigint      NOT NULL,
  period           integer     NOT NULL CHECK (period IN (1, 2)),
  policy           text        NOT NULL,
  learning         text,
  conduct          text,
  outcome          text,
  title            text,
  retest_subjects  text[]      NOT NULL DEFAULT '{}',
  absent_sessions  integer     NOT NULL DEFAULT 0,
  computed_at      timestamptz NOT NULL,
  PRIMARY KEY (school_id, class_id, student_id, period),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
