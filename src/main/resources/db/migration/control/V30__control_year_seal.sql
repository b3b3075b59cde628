-- A closed school year: read-only for good. The archive (the year's data as JSON in a ZIP with a
-- manifest of hashes) is kept here so it travels with every backup; its SHA-256 is also in the
-- audit chain, so neither can be altered without the other showing it.
CREATE TABLE year_seal (
  school_id        bigint      NOT NULL,
  start_year       integer     NOT NULL,
  sealed_at        timestamptz NOT NULL,
  sealed_by        bigint      NOT NULL,
  sealed_by_name   text        NOT NULL,
  reason           text        NOT NULL,
  archive_sha256   text        NOT NULL,
  manifest_sha256  text        NOT NULL,
  size_bytes       bigint      NOT NULL,
  archive          bytea       NOT NULL,
  PRIMARY KEY (school_id, start_year)
);

CREATE FUNCTION year_seal_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'year_seal is permanent: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER year_seal_no_update BEFORE UPDATE OR DELETE ON year_seal
  FOR EACH ROW EXECUTE FUNCTION year_seal_refuse_change();
CREATE TRIGGER year_seal_no_truncate BEFORE TRUNCATE ON year_seal
  FOR EACH STATEMENT EXECUTE FUNCTION year_seal_refuse_change();
