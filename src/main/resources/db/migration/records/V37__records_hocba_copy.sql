-- Certified copies of a học bạ (bản sao học bạ, DH-SD): a person who lost their học bạ applies in
-- writing; the principal approves or refuses; the office prints the copy, stamped "BẢN SAO", and
-- the minutes of the issue (biên bản cấp bản sao học bạ), numbered per school and calendar year.
-- The application and the minutes are kept for inspection: rows are never deleted, and a request
-- only moves forward (REQUESTED → APPROVED or REFUSED, APPROVED → ISSUED).
CREATE TABLE hocba_copy_request (
  school_id         bigint      NOT NULL,
  id                bigint      GENERATED ALWAYS AS IDENTITY,
  student_id        bigint      NOT NULL,
  applicant_name    text        NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 200),
  applicant_relation text       NOT NULL CHECK (length(applicant_relation) BETWEEN 1 AND 100),
  reason            text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  received_on       date        NOT NULL,
  application       bytea,
  application_type  text        CHECK (application_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  state             text        NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'REFUSED', 'ISSUED')),
  requested_by      bigint      NOT NULL,
  requested_by_name text        NOT NULL,
  requested_at      timestamptz NOT NULL,
  decided_by        bigint,
  decided_by_name   text,
  decided_at        timestamptz,
  refusal_reason    text        CHECK (length(refusal_reason) <= 1000),
  number            integer,
  number_year       integer,
  issued_by         bigint,
  issued_by_name    text,
  issued_at         timestamptz,
  -- the subjects whose teacher no longer works at the school: the head of the subject group signs
  -- in their place after checking the kept records (DH-SD)
  signed_in_place   text[]      NOT NULL DEFAULT '{}',
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, number_year, number),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id),
  CHECK ((application IS NULL) = (application_type IS NULL)),
  CHECK ((state = 'REFUSED') = (refusal_reason IS NOT NULL)),
  CHECK ((state = 'ISSUED') = (issued_at IS NOT NULL)),
  CHECK ((number IS NULL) = (number_year IS NULL))
);

CREATE FUNCTION hocba_copy_request_forward() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'hocba_copy_request is kept for inspection: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT ((OLD.state = 'REQUESTED' AND NEW.state IN ('APPROVED', 'REFUSED'))
          OR (OLD.state = 'APPROVED' AND NEW.state = 'ISSUED'))
     OR NEW.student_id <> OLD.student_id OR NEW.applicant_name <> OLD.applicant_name
     OR NEW.reason <> OLD.reason OR NEW.received_on <> OLD.received_on
     OR NEW.application IS DISTINCT FROM OLD.application THEN
    RAISE EXCEPTION 'hocba_copy_request moves only forward: % to % refused', OLD.state, NEW.state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER hocba_copy_request_forward BEFORE UPDATE OR DELETE ON hocba_copy_request
  FOR EACH ROW EXECUTE FUNCTION hocba_copy_request_forward();
CREATE TRIGGER hocba_copy_request_no_truncate BEFORE TRUNCATE ON hocba_copy_request
  FOR EACH STATEMENT EXECUTE FUNCTION hocba_copy_request_forward();
