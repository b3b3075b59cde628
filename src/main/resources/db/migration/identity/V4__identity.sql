CREATE TABLE account (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username              text        NOT NULL,
  display_name          text        NOT NULL,
  password_hash         text        NOT NULL,
  password_changed_at   timestamptz NOT NULL,
  must_change_password  boolean     NOT NULL DEFAULT true,
  enabled               boolean     NOT NULL DEFAULT true,
  failed_attempts       integer     NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  totp_secret           text,          -- AES-GCM encrypted, base64
  totp_enabled          boolean     NOT NULL DEFAULT false,
  profile_kind          text CHECK (profile_kind IN ('STAFF', 'GUARDIAN', 'STUDENT')),
  profile_school_id     bigint,
  profile_id            bigint,
  created_at            timestamptz NOT NULL,
  CHECK (length(username) BETWEEN 3 AND 64)
);
CREATE UNIQUE INDEX account_username ON account (lower(username));

CREATE TABLE recovery_code (
  account_id  bigint NOT NULL REFERENCES account (id),
  code_hash   text   NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (account_id, code_hash)
);

-- A role held within a scope. Revocation keeps the row (who revoked, when, why).
CREATE TABLE role_assignment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES account (id),
  role            text   NOT NULL,
  org_unit_id     bigint NOT NULL REFERENCES org_unit (id),
  school_id       bigint REFERENCES school (id),
  class_id        bigint,
  subject_code    text,
  school_year     integer,
  student_id      bigint,
  granted_by      bigint REFERENCES account (id),
  granted_at      timestamptz NOT NULL,
  revoked_by      bigint REFERENCES account (id),
  revoked_at      timestamptz,
  revoke_reason   text
);
CREATE INDEX role_assignment_account ON role_assignment (account_id) WHERE revoked_at IS NULL;
CREATE INDEX role_assignment_school ON role_assignment (school_id) WHERE revoked_at IS NULL;

CREATE TABLE login_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  bigint REFERENCES account (id),
  username    text        NOT NULL,
  ip          text        NOT NULL,
  user_agent  text,
  outcome     text        NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX login_event_account ON login_event (account_id, at DESC);
CREATE INDEX login_event_ip ON login_event (ip, at DESC);

CREATE TABLE api_token (
  token_hash  text PRIMARY KEY,
  account_id  bigint      NOT NULL REFERENCES account (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  ip          text
);
CREATE INDEX api_token_account ON api_token (account_id);

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc): sessions live in the database
-- so that several application instances can serve one province.
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID CHAR(36) NOT NULL,
  SESSION_ID CHAR(36) NOT NULL,
  CREATION_TIME BIGINT NOT NULL,
  LAST_ACCESS_TIME BIGINT NOT NULL,
  MAX_INACTIVE_INTERVAL INT NOT NULL,
  EXPIRY_TIME BIGINT NOT NULL,
  PRINCIPAL_NAME VARCHAR(100),
  CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36) NOT NULL,
  ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES BYTEA NOT NULL,
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Extra session facts shown to administrators (IP, browser); keyed by the session id.
CREATE TABLE session_info (
  session_id  text PRIMARY KEY,
  account_id  bigint      NOT NULL REFERENCES account (id),
  ip          text,
  user_agent  text,
  started_at  timestamptz NOT NULL
);

-- The school whose administrators manage the account (null: managed by system administrators).
ALTER TABLE account ADD COLUMN home_school_id bigint REFERENCES school (id);
-- Last TOTP time step accepted, so that a code cannot be replayed within its window.
ALTER TABLE account ADD COLUMN totp_last_step bigint;
