-- Every value a grade-book cell has held, one row per version, written in the same transaction as
-- the cell: the leaders' correction log (nhật kí sửa điểm, DH-SD art. 5.2) and the anomaly
-- checks read it. The writer's name is kept as it was, like the audit log's. Rows are never changed
-- or removed. History starts with this version of the schema: earlier changes are in the audit log.
CREATE TABLE score_cell_version (
  school_id             bigint       NOT NULL,
  class_id              bigint       NOT NULL,
  subject_code          text         NOT NULL,
  term_no               integer      NOT NULL,
  student_id            bigint       NOT NULL,
  slot                  text         NOT NULL,
  version               integer      NOT NULL CHECK (version > 0),
  value_before          text,
  value_after           text         NOT NULL,
  changed_at            timestamptz  NOT NULL,
  changed_by            bigint       NOT NULL,
  changed_by_name       text         NOT NULL,
  source                text         NOT NULL CHECK (source IN ('PAGE', 'FILE', 'CORRECTION')),
  correction_request_id bigint,
  PRIMARY KEY (school_id, class_id, subject_code, term_no, student_id, slot, version),
  FOREIGN KEY (school_id, class_id, subject_code, term_no, student_id, slot)
    REFERENCES score_cell (school_id, class_id, subject_code, term_no, student_id, slot),
  CHECK ((source = 'CORRECTION') = (correction_request_id IS NOT NULL))
);

-- The monthly log and the checks read a school's changes after first entry by time.
CREATE INDEX score_cell_version_changes ON score_cell_version (school_id, changed_at)
  WHERE version > 1;

CREATE FUNCTION score_cell_version_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'score_cell_version is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER score_cell_version_no_update BEFORE UPDATE OR DELETE ON score_cell_version
  FOR EACH ROW EXECUTE FUNCTION score_cell_version_refuse_change();
CREATE TRIGGER score_cell_version_no_truncate BEFORE TRUNCATE ON score_cell_version
  FOR EACH STATEMENT EXECUTE FUNCTION score_cell_version_refuse_change();
