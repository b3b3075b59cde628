-- What each periodic summary showed a family (the published values, as subject|term|slot|text), so
-- that the next one marks what is new since the last released one.
CREATE TABLE summary_value (
  school_id   bigint  NOT NULL,
  batch_id    bigint  NOT NULL,
  student_id  bigint  NOT NULL,
  shown       text[]  NOT NULL,
  PRIMARY KEY (school_id, batch_id, student_id),
  FOREIGN KEY (school_id, batch_id) REFERENCES message_summary_batch (school_id, id)
);
