-- One parent account for children in two schools, only by the parent's own word: the second
-- school asks, the parent confirms (or declines) when signed in. Until then the second school's
-- staff reach nothing of the account, and the account nothing of the second school.
CREATE TABLE guardian_link_request (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint      NOT NULL REFERENCES account (id),
  school_id     bigint      NOT NULL REFERENCES school (id),
  guardian_id   bigint      NOT NULL REFERENCES guardian (id),
  requested_by  bigint      REFERENCES account (id),
  requested_at  timestamptz NOT NULL,
  decided_at    timestamptz,
  accepted      boolean,
  CHECK ((decided_at IS NULL) = (accepted IS NULL))
);
CREATE UNIQUE INDEX guardian_link_request_open
  ON guardian_link_request (account_id, school_id, guardian_id) WHERE decided_at IS NULL;
