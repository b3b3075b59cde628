-- The class book (sổ theo dõi và đánh giá học sinh theo lớp) as signed: once the year's results are
-- approved its PDF/A is frozen as a version, so that every signer signs the same document (DH-DK:
-- subject teachers and the homeroom teacher sign the pages concerning them, the principal approves,
-- signs and stamps). A result changed afterwards makes the next version; nothing here is altered or
-- deleted.
CREATE TABLE classbook_version (
  school_id       bigint      NOT NULL,
  class_id        bigint      NOT NULL,
  version         integer     NOT NULL CHECK (version >= 1),
  start_year      integer     NOT NULL,
  content_sha256  text        NOT NULL CHECK (length(content_sha256) = 64),
  pdf             bytea       NOT NULL,
  made_at         timestamptz NOT NULL,
  made_by         bigint      NOT NULL,
  PRIMARY KEY (school_id, class_id, version),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);

-- Each signature is an incremental update of the PDF: the signed document is the version's PDF
-- followed by every increment in order, so only what each signature appended is kept.
CREATE TABLE classbook_signature (
  school_id       bigint      NOT NULL,
  class_id        bigint      NOT NULL,
  version         integer     NOT NULL,
  seq             integer     NOT NULL CHECK (seq >= 1),
  role            text        NOT NULL CHECK (role IN ('SUBJECT', 'HOMEROOM', 'SEAL')),
  subjects        text[]      NOT NULL DEFAULT '{}',
  signed_by       bigint      NOT NULL,
  signed_by_name  text        NOT NULL,
  certificate_id  bigint      NOT NULL,
  signed_at       timestamptz NOT NULL,
  increment       bytea       NOT NULL,
  sha256          text        NOT NULL CHECK (length(sha256) = 64),
  PRIMARY KEY (school_id, class_id, version, seq),
  FOREIGN KEY (school_id, class_id, version) REFERENCES classbook_version (school_id, class_id, version),
  FOREIGN KEY (school_id, certificate_id) REFERENCES signing_certificate (school_id, id)
);

CREATE TRIGGER classbook_version_no_change BEFORE UPDATE OR DELETE ON classbook_version
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER classbook_version_no_truncate BEFORE TRUNCATE ON classbook_version
  FOR EACH STATEMENT EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER classbook_signature_no_change BEFORE UPDATE OR DELETE ON classbook_signature
  FOR EACH ROW EXECUTE FUNCTION signed_record_refuse_change();
CREATE TRIGGER classbook_signature_no_truncate BEFORE TRUNCATE ON classbook_signature
  FOR EACH STATEMENT EXECUTE FUNCTION signed_record_refuse_change();
