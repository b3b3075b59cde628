-- A transfer between two schools on TruongSo: the sending school records it, the receiving school
-- accepts it into a class (or declines with a reason).
CREATE TABLE transfer_request (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_school_id  bigint      NOT NULL,
  student_id      bigint      NOT NULL,
  to_school_id    bigint      NOT NULL REFERENCES school (id),
  leaves_on       date        NOT NULL,
  reason          text        CHECK (length(reason) <= 500),
  status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
  created_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  decision_note   text        CHECK (length(decision_note) <= 500),
  new_student_id  bigint,
  FOREIGN KEY (from_school_id, student_id) REFERENCES student (school_id, id),
  CHECK (from_school_id <> to_school_id)
);
CREATE UNIQUE INDEX transfer_request_one_pending ON transfer_request (from_school_id, student_id)
  WHERE status = 'PENDING';
CREATE INDEX transfer_request_to ON transfer_request (to_school_id, status);
