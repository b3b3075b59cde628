-- The anomaly flags of a school year as last computed, so that a leader's home page reads them
-- instead of computing them from the whole year (issue 17). Refreshed after marks change (the
-- grade book's MarksChanged event) and whenever the anomaly page is opened.
CREATE TABLE anomaly_flag (
  school_id   bigint  NOT NULL,
  start_year  INT     NOT NULL,
  position    INT     NOT NULL,
  flag_key    TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  args        JSONB   NOT NULL,
  PRIMARY KEY (school_id, start_year, position)
);

-- When the school year's flags were last computed: a refresh that began after a change was
-- committed has seen it, so later events for the same change are skipped.
CREATE TABLE anomaly_refresh (
  school_id   bigint  NOT NULL,
  start_year  INT     NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (school_id, start_year)
);
