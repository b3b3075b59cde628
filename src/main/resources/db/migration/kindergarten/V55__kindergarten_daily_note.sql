-- A child's day as the group's teacher writes it for the family: how the child ate and slept,
-- health, a note, and a photo the school chose to share with that family only (re-encoded JPEG,
-- without the camera's metadata).
CREATE TABLE daily_note (
  school_id      bigint      NOT NULL,
  student_id     bigint      NOT NULL,
  day            date        NOT NULL,
  ate            text        CHECK (ate IN ('ALL', 'MOST', 'HALF', 'LITTLE', 'NONE')),
  slept_minutes  integer     CHECK (slept_minutes BETWEEN 0 AND 300),
  health         text        CHECK (length(health) <= 300),
  note           text        CHECK (length(note) <= 1000),
  photo          bytea       CHECK (octet_length(photo) <= 2000000),
  written_by     bigint      NOT NULL,
  written_at     timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, day),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
