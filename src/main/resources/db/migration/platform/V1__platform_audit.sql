-- The application connects as a role that may read and write data but never rewrite history.
-- Flyway runs as the schema owner; ${app_role} is the role the application uses at run time.
DO $$
BEGIN
  IF '${app_role}' <> current_user THEN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${app_role}');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', '${app_role}');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', '${app_role}');
  END IF;
END $$;

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Immutable wrapper so that unaccent can be used in indexes and generated columns.
CREATE FUNCTION fold_vi(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(replace(replace(public.unaccent('public.unaccent'::regdictionary, t), 'đ', 'd'), 'Đ', 'D'));

-- One hash chain per school (school_id 0 = the system chain: organisations, province and ward offices).
CREATE TABLE audit_chain_head (
  school_id   bigint PRIMARY KEY,
  last_seq    bigint NOT NULL,
  last_hash   text   NOT NULL
);

CREATE TABLE audit_log (
  school_id     bigint      NOT NULL,
  seq           bigint      NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      bigint,
  actor_name    text,
  actor_role    text,
  action        text        NOT NULL,
  entity_type   text        NOT NULL,
  entity_id     text,
  before_state  text,
  after_state   text,
  reason        text,
  ip            text,
  user_agent    text,
  prev_hash     text        NOT NULL,
  hash          text        NOT NULL,
  PRIMARY KEY (school_id, seq)
);
CREATE INDEX audit_log_at ON audit_log (school_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

DO $$
BEGIN
  IF '${app_role}' <> current_user THEN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', '${app_role}');
  END IF;
END $$;
