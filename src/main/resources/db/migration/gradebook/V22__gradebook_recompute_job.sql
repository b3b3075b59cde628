-- A recomputation of a school year's stored results (after a policy correction), run in the
-- background; its progress is what the page polls.
CREATE TABLE recompute_job (
  school_id     bigint      NOT NULL,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  start_year    integer     NOT NULL,
  state         text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  requested_by  bigint      NOT NULL,
  requested_at  timestamptz NOT NULL,
  total         integer     NOT NULL DEFAULT 0,
  done          integer     NOT NULL DEFAULT 0,
  changed       integer     NOT NULL DEFAULT 0,
  finished_at   timestamptz,
  PRIMARY KEY (school_id, id)
);
-- One job at a time per school.
CREATE UNIQUE INDEX recompute_job_one_running ON recompute_job (school_id)
  WHERE state IN ('QUEUED', 'RUNNING');
