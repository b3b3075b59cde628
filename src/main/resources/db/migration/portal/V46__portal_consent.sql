-- A guardian's consent to the school's processing of the child's personal data (Law 91/2025 on
-- personal data protection, Decree 356/2025): the text they were shown, its version, when.
CREATE TABLE portal_consent (
  account_id   bigint      NOT NULL,
  school_id    bigint      NOT NULL,
  version      text        NOT NULL,
  text         text        NOT NULL,
  accepted_at  timestamptz NOT NULL,
  PRIMARY KEY (account_id, school_id, version)
);
