-- What families see of the grade book, chosen by the principal per school year (issue 20 part 2).
-- COLUMN (the default): each assessment column once its entry window has closed; TERM: a term's
-- columns only once the principal publishes the term. Either way a term's results (averages,
-- learning, conduct) show once the term is published or its results approved.
CREATE TABLE result_publication (
  school_id   bigint      NOT NULL REFERENCES school (id),
  start_year  integer     NOT NULL,
  mode        text        NOT NULL CHECK (mode IN ('COLUMN', 'TERM')),
  term1       boolean     NOT NULL,
  term2       boolean     NOT NULL,
  changed_at  timestamptz NOT NULL,
  changed_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, start_year)
);
