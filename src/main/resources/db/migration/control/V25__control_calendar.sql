-- The principal's calendar of entry deadlines per school year (DH-SD art. 5): without
-- a row the defaults apply (weeks 8, 17, 26, 34; 10 working days; re-tests by 31 August; no
-- cut-off; corrections stop 7 days before the end-of-term test).
CREATE TABLE entry_calendar (
  school_id            bigint      NOT NULL,
  start_year           integer     NOT NULL,
  regular_weeks        integer[]   NOT NULL,
  working_days         integer     NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  retest_by            date        NOT NULL,
  cutoff               date,
  correction_stop_days integer     NOT NULL CHECK (correction_stop_days BETWEEN 0 AND 60),
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (school_id, start_year)
);

-- Dates of the mid-term and end-of-term tests: for the whole term, or for a grade, a subject, or
-- a grade's subject (the most specific applies).
CREATE TABLE entry_test_date (
  school_id    bigint  NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  start_year   integer NOT NULL,
  term_no      integer NOT NULL CHECK (term_no IN (1, 2)),
  slot         text    NOT NULL CHECK (slot IN ('GK', 'CK')),
  grade        integer CHECK (grade BETWEEN 1 AND 12),
  subject_code text,
  test_on      date    NOT NULL,
  PRIMARY KEY (school_id, id)
);
CREATE UNIQUE INDEX entry_test_date_key ON entry_test_date
  (school_id, start_year, term_no, slot, coalesce(grade, 0), coalesce(subject_code, ''));

-- The school's own days off besides the public holidays (a local holiday, a day lost to a storm).
CREATE TABLE school_day_off (
  school_id  bigint  NOT NULL,
  start_year integer NOT NULL,
  on_date    date    NOT NULL,
  name       text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (school_id, start_year, on_date)
);
