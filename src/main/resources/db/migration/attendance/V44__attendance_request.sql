-- A family's request for a student's absence (đơn xin phép nghỉ), sent from the portal: days and a
-- reason; the homeroom teacher accepts it (the days' rolls mark the student P) or answers it.
CREATE TABLE attendance_request (
  school_id     bigint      NOT NULL,
  id            bigint      GENERATED ALWAYS AS IDENTITY,
  student_id    bigint      NOT NULL,
  class_id      bigint      NOT NULL,
  from_day      date        NOT NULL,
  to_day        date        NOT NULL,
  reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  requested_by  bigint      NOT NULL,
  requested_at  timestamptz NOT NULL,
  state         text        NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'ANSWERED')),
  answer        text        CHECK (length(answer) <= 500),
  answered_by   bigint,
  answered_at   timestamptz,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK (to_day >= from_day)
);
CREATE INDEX attendance_request_class ON attendance_request (school_id, class_id, state);
CREATE INDEX attendance_request_student ON attendance_request (school_id, student_id);
