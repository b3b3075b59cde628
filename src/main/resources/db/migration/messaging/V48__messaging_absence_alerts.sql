-- The families told of a child's absences at each of the school's thresholds: once per student,
-- kind (month without permission, year), period and threshold, however often the roll is saved.
CREATE TABLE absence_alert (
  school_id   bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('MONTH', 'YEAR')),
  period      text        NOT NULL,
  threshold   integer     NOT NULL,
  sessions    integer     NOT NULL,
  message_id  bigint,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, kind, period, threshold)
);
