-- The school's thresholds for the grade book's anomaly flags (BA-HBS art. 4); a school without a
-- row uses the defaults written in the code. Work hours are local time (Asia/Ho_Chi_Minh).
CREATE TABLE anomaly_settings (
  school_id          bigint       PRIMARY KEY,
  max_cell_changes   integer      NOT NULL CHECK (max_cell_changes BETWEEN 1 AND 50),
  average_deviation  numeric(3,1) NOT NULL CHECK (average_deviation BETWEEN 0.5 AND 5),
  min_scores         integer      NOT NULL CHECK (min_scores BETWEEN 5 AND 100),
  ten_share          integer      NOT NULL CHECK (ten_share BETWEEN 1 AND 100),
  zero_share         integer      NOT NULL CHECK (zero_share BETWEEN 1 AND 100),
  work_starts        time         NOT NULL,
  work_ends          time         NOT NULL,
  lock_hours         integer      NOT NULL CHECK (lock_hours BETWEEN 1 AND 168),
  lock_changes       integer      NOT NULL CHECK (lock_changes BETWEEN 2 AND 1000),
  changed_by         bigint       NOT NULL,
  changed_by_name    text         NOT NULL,
  changed_at         timestamptz  NOT NULL,
  CHECK (work_starts < work_ends)
);

-- A flag a leader has looked into, with what they found. The key names the flag and, for flags
-- that count changes, how many there were: more changes later make a new flag to look at.
CREATE TABLE anomaly_review (
  school_id         bigint       NOT NULL,
  start_year        integer      NOT NULL,
  flag_key          text         NOT NULL CHECK (length(flag_key) <= 200),
  note              text         NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  reviewed_by       bigint       NOT NULL,
  reviewed_by_name  text         NOT NULL,
  reviewed_at       timestamptz  NOT NULL,
  PRIMARY KEY (school_id, start_year, flag_key)
);
