-- Backups the server made into its backup directory and the last check of each file. The files are
-- the truth (a backup restored elsewhere lists what its directory holds); this keeps who asked for
-- each and whether it still reads back intact.
CREATE TABLE backup_file (
  name            text PRIMARY KEY,
  created_at      timestamptz NOT NULL,
  made_by         text        NOT NULL,
  size_bytes      bigint      NOT NULL,
  sha256          text        NOT NULL,
  schema_version  text        NOT NULL,
  table_count     integer     NOT NULL,
  row_count       bigint      NOT NULL,
  verified_at     timestamptz,
  verified_ok     boolean,
  problem_key     text,
  problem_arg     text
);
