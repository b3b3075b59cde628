CREATE TABLE ethnic_group (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  short_name  text NOT NULL
);

CREATE TABLE religion (
  code  text PRIMARY KEY,
  name  text NOT NULL
);

-- Students and staff belong to a school (the tenant); school_id leads every key.
CREATE TABLE student (
  school_id       bigint NOT NULL REFERENCES school (id),
  id              bigint GENERATED ALWAYS AS IDENTITY,
  family_name     text   NOT NULL,
  middle_name     text   NOT NULL DEFAULT '',
  given_name      text   NOT NULL,
  birth_date      date   NOT NULL,
  sex             text   NOT NULL CHECK (sex IN ('M', 'F')),
  ethnicity_code  text   NOT NULL REFERENCES ethnic_group (code),
  personal_id     text CHECK (personal_id ~ '^[0-9]{12}$'),
  student_code    text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (id)
);
CREATE UNIQUE INDEX student_personal_id ON student (personal_id) WHERE personal_id IS NOT NULL;
CREATE INDEX student_name_folded ON student (school_id, fold_vi(family_name || ' ' || middle_name || ' ' || given_name));

CREATE TABLE staff (
  school_id      bigint NOT NULL REFERENCES school (id),
  id             bigint GENERATED ALWAYS AS IDENTITY,
  family_name    text   NOT NULL,
  middle_name    text   NOT NULL DEFAULT '',
  given_name     text   NOT NULL,
  birth_date     date,
  sex            text   NOT NULL CHECK (sex IN ('M', 'F')),
  ethnicity_code text REFERENCES ethnic_group (code),
  personal_id    text CHECK (personal_id ~ '^[0-9]{12}$'),
  phone          text,
  email          text,
  position       text   NOT NULL,
  subject_group  text,
  main_subject   text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  UNIQUE (id)
);

CREATE TABLE guardian (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name      text NOT NULL,
  birth_year     integer,
  occupation     text,
  phone          text,
  personal_id    text CHECK (personal_id ~ '^[0-9]{12}$'),
  email          text,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE student_guardian (
  school_id    bigint NOT NULL,
  student_id   bigint NOT NULL,
  guardian_id  bigint NOT NULL REFERENCES guardian (id),
  relation     text   NOT NULL CHECK (relation IN ('FATHER', 'MOTHER', 'OTHER')),
  PRIMARY KEY (school_id, student_id, guardian_id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
