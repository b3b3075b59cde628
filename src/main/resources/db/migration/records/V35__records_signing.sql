-- The certificates people sign the official records with, each linked to the account that signs
-- with it (a personal certificate) or to the school (its organisation seal, used by the principal
-- or the vice-principal the principal delegates). A personal PKCS#12 file is kept as uploaded:
-- encrypted by its own PIN, which TruongSo never stores; a hardware token keeps its key and is
-- named by its position in the PKCS#11 slot list.
CREATE TABLE signing_certificate (
  school_id       bigint      NOT NULL,
  id              bigint      GENERATED ALWAYS AS IDENTITY,
  purpose         text        NOT NULL CHECK (purpose IN ('PERSONAL', 'SEAL')),
  account_id      bigint      REFERENCES account (id),
  kind            text        NOT NULL CHECK (kind IN ('PKCS12', 'PKCS11')),
  subject         text        NOT NULL,
  issuer          text        NOT NULL,
  serial          text        NOT NULL,
  not_before      timestamptz NOT NULL,
  not_after       timestamptz NOT NULL,
  certificate     bytea       NOT NULL,
  pkcs12          bytea,
  token_slot      integer     CHECK (token_slot BETWEEN 0 AND 63),
  failed_pins     integer     NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  registered_by   bigint      NOT NULL,
  registered_at   timestamptz NOT NULL,
  withdrawn_at    timestamptz,
  PRIMARY KEY (school_id, id),
  CHECK ((purpose = 'PERSONAL') = (account_id IS NOT NULL)),
  CHECK ((kind = 'PKCS12') = (pkcs12 IS NOT NULL)),
  CHECK ((kind = 'PKCS11') = (token_slot IS NOT NULL))
);

-- one live link per certificate in a school: the same certificate cannot sign for two people
CREATE UNIQUE INDEX signing_certificate_live
  ON signing_certificate (school_id, issuer, serial) WHERE withdrawn_at IS NULL;

-- A student's học bạ for a school year as the homeroom teacher signed it: version 1 first, the
-- next when an approved result changed after signing. content_sha256 is the hash of the record's
-- values (its XML with neither date nor version), which tells whether the results moved since.
CREATE TABLE hocba_version (
  school_id              bigint      NOT NULL,
  student_id             bigint      NOT NULL,
  start_year             integer     NOT NULL,
  version                integer     NOT NULL CHECK (version >= 1),
  class_id               bigint      NOT NULL,
  content_sha256         text        NOT NULL CHECK (length(content_sha256) = 64),
  xml                    bytea       NOT NULL,
  pdf                    bytea       NOT NULL,
  signed_by              bigint      NOT NULL,
  signed_by_name         text        NOT NULL,
  signed_certificate_id  bigint      NOT NULL,
  signed_at              timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, start_year, version),
  FOREIGN KEY (school_id, signed_certificate_id) REFERENCES signing_certificate (school_id, id)
);

CREATE INDEX hocba_version_class ON hocba_version (school_id, class_id, start_year);

-- The seal on a version: the same documents with the principal's (or delegate's) signature added
-- after the homeroom teacher's. Only a sealed version is published and exported.
CREATE TABLE hocba_seal (
  school_id              bigint      NOT NULL,
  student_id             bigint      NOT NULL,
  start_year             integer     NOT NULL,
  version                integer     NOT NULL,
  xml                    bytea       NOT NULL,
  pdf                    bytea       NOT NULL,
  sealed_by              bigint      NOT NULL,
  sealed_by_name         text        NOT NULL,
  sealed_as              text        NOT NULL,
  sealed_certificate_id  bigint      NOT NULL,
  sealed_at              timestamptz NOT NULL,
  PRIMARY KEY (school_id, student_id, start_year, version),
  FOREIGN KEY (school_id, student_id, start_year, version)
    REFERENCES hocba_version (school_id, student_id, start_year, version),
  FOREIGN KEY (school_id, sealed_certificate_id) REFERENCES signing_certificate (school_id, id)
);

-- Signed records are kept for good (SL-CV: at least five years after the student leaves; the
-- application deletes none): no update, no delete, no truncate.
CREATE FUNCTION signed_record_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is permanent: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER hocba_version_no_change BEFORE UPDATE OR DELETE ON hocba_version
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER hocba_version_no_truncate BEFORE TRUNCATE ON hocba_version
  FOR EACH STATEMENT EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER hocba_seal_no_change BEFORE UPDATE OR DELETE ON hocba_seal
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER hocba_seal_no_truncate BEFORE TRUNCATE ON hocba_seal
  FOR EACH STATEMENT EXECUTE FUNCTION signed_record_refuse_change();
