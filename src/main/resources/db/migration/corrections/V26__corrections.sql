-- Corrections of marks after entry has closed (DH-SD art. 5.2): the teacher's request with
-- the cells, their value when filed and the value asked for, the reason and the evidence; the
-- principal's decision; the teacher's and the data administrator's confirmations, the second of
-- which carries the correction out. Rows are never deleted; a request ends REJECTED, CARRIED_OUT,
-- STALE (a cell changed after filing) or WITHDRAWN.

-- The principal's documented exception to the filing bar (hard cut-off, the week before the
-- end-of-term tests) for one class or the whole school, until a date.
CREATE TABLE correction_exception (
  school_id       bigint      NOT NULL,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  start_year      integer     NOT NULL,
  class_id        bigint,
  reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  valid_until     date        NOT NULL,
  granted_by      bigint      NOT NULL,
  granted_by_name text        NOT NULL,
  granted_at      timestamptz NOT NULL,
  PRIMARY KEY (school_id, id)
);

CREATE TABLE correction_request (
  school_id              bigint      NOT NULL,
  id                     bigint GENERATED ALWAYS AS IDENTITY,
  start_year             integer     NOT NULL,
  class_id               bigint      NOT NULL,
  class_name             text        NOT NULL,
  grade                  integer     NOT NULL,
  subject_code           text,
  subject_name           text,
  term_no                integer     NOT NULL CHECK (term_no IN (1, 2)),
  reason                 text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  state                  text        NOT NULL
    CHECK (state IN ('FILED', 'APPROVED', 'REJECTED', 'CARRIED_OUT', 'STALE', 'WITHDRAWN')),
  exception_id           bigint,
  filed_by               bigint      NOT NULL,
  filed_by_name          text        NOT NULL,
  filed_at               timestamptz NOT NULL,
  decided_by             bigint,
  decided_by_name        text,
  decided_at             timestamptz,
  decision_note          text        CHECK (length(decision_note) <= 1000),
  teacher_confirmed_by   bigint,
  teacher_confirmed_name text,
  teacher_confirmed_at   timestamptz,
  admin_confirmed_by     bigint,
  admin_confirmed_name   text,
  admin_confirmed_at     timestamptz,
  ended_at               timestamptz,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, exception_id) REFERENCES correction_exception (school_id, id),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
  CHECK (state <> 'CARRIED_OUT' OR (teacher_confirmed_at IS NOT NULL AND admin_confirmed_at IS NOT NULL))
);
CREATE INDEX correction_request_year ON correction_request (school_id, start_year, filed_at DESC);
CREATE INDEX correction_request_open ON correction_request (school_id, class_id)
  WHERE state IN ('FILED', 'APPROVED');

CREATE TABLE correction_item (
  school_id    bigint  NOT NULL,
  request_id   bigint  NOT NULL,
  n            integer NOT NULL,
  student_id   bigint  NOT NULL,
  student_name text    NOT NULL,
  slot         text    NOT NULL,
  old_text     text    NOT NULL,
  old_stamp    text    NOT NULL,
  new_text     text    NOT NULL,
  PRIMARY KEY (school_id, request_id, n),
  UNIQUE (school_id, request_id, student_id, slot),
  FOREIGN KEY (school_id, request_id) REFERENCES correction_request (school_id, id),
  CHECK (old_text <> new_text)
);

-- Evidence is kept until the student leaves school (DH-SD art. 5.2); its hash is in the
-- audit log, so a file replaced behind the application's back is detected.
CREATE TABLE correction_evidence (
  school_id     bigint      NOT NULL,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  request_id    bigint      NOT NULL,
  file_name     text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type    text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes    integer     NOT NULL CHECK (size_bytes > 0),
  sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content       bytea       NOT NULL,
  uploaded_by   bigint      NOT NULL,
  uploaded_at   timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, request_id) REFERENCES correction_request (school_id, id)
);
CREATE INDEX correction_evidence_request ON correction_evidence (school_id, request_id);
