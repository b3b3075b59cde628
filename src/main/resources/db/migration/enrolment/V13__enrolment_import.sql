-- An uploaded class list between upload, column mapping, preview and import. Kept in the database
-- (not the session) so that any application instance serves the next step; removed on import and
-- after a day.
CREATE TABLE import_upload (
  id          uuid        PRIMARY KEY,
  school_id   bigint      NOT NULL,
  class_id    bigint      NOT NULL,
  account_id  bigint      NOT NULL,
  file_name   text        NOT NULL CHECK (length(file_name) <= 255),
  content     bytea       NOT NULL,
  created_at  timestamptz NOT NULL,
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
CREATE INDEX import_upload_created ON import_upload (created_at);
