CREATE TABLE admin_province (
  code       text PRIMARY KEY,
  name       text NOT NULL,
  full_name  text NOT NULL,
  name_en    text,
  unit_type  text NOT NULL
);

CREATE TABLE admin_ward (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  full_name      text NOT NULL,
  name_en        text,
  province_code  text NOT NULL REFERENCES admin_province (code),
  unit_type      text NOT NULL
);
CREATE INDEX admin_ward_province ON admin_ward (province_code);

-- Ministry -> province department (Sở) -> district office or ward/commune office -> school.
CREATE TABLE org_unit (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id      bigint REFERENCES org_unit (id),
  type           text   NOT NULL CHECK (type IN ('MINISTRY', 'PROVINCE_DEPARTMENT', 'DISTRICT_OFFICE', 'WARD_OFFICE', 'SCHOOL')),
  code           text   NOT NULL UNIQUE,
  name           text   NOT NULL,
  province_code  text REFERENCES admin_province (code),
  ward_code      text REFERENCES admin_ward (code),
  -- materialised path '/1/4/9/' so that "is this unit under that one" is a prefix test
  path           text   NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'MINISTRY') = (parent_id IS NULL))
);
CREATE INDEX org_unit_parent ON org_unit (parent_id);
CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);

-- A school is an org unit of type SCHOOL; its id is the tenant key (school_id) everywhere.
CREATE TABLE school (
  id              bigint PRIMARY KEY REFERENCES org_unit (id),
  code            text   NOT NULL UNIQUE,
  name            text   NOT NULL,
  levels          text[] NOT NULL CHECK (cardinality(levels) > 0),
  province_code   text   NOT NULL REFERENCES admin_province (code),
  ward_code       text   NOT NULL REFERENCES admin_ward (code),
  address_detail  text,
  phone           text,
  email           text,
  principal_name  text,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE school_year (
  school_id        bigint  NOT NULL REFERENCES school (id),
  start_year       integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
  starts_on        date    NOT NULL,
  term1_ends_on    date    NOT NULL,
  term2_starts_on  date    NOT NULL,
  ends_on          date    NOT NULL,
  is_current       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (school_id, start_year),
  CHECK (starts_on < term1_ends_on AND term1_ends_on < term2_starts_on AND term2_starts_on < ends_on)
);
CREATE UNIQUE INDEX school_year_one_current ON school_year (school_id) WHERE is_current;

CREATE TABLE school_week (
  school_id   bigint  NOT NULL,
  start_year  integer NOT NULL,
  week_no     integer NOT NULL CHECK (week_no BETWEEN 1 AND 60),
  term_no     integer NOT NULL CHECK (term_no IN (1, 2)),
  starts_on   date    NOT NULL,
  ends_on     date    NOT NULL,
  PRIMARY KEY (school_id, start_year, week_no),
  FOREIGN KEY (school_id, start_year) REFERENCES school_year (school_id, start_year),
  CHECK (starts_on <= ends_on)
);
