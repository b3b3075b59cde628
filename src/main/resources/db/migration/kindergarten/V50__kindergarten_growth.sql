-- A child's measurements (weight, length or height, how it was measured), as the nurse or the
-- group's teacher records them; the z-scores are computed on reading, from WHO's tables.
CREATE TABLE growth_measurement (
  school_id     bigint        NOT NULL REFERENCES school (id),
  id            bigint        GENERATED ALWAYS AS IDENTITY,
  student_id    bigint        NOT NULL,
  measured_on   date          NOT NULL,
  weight_kg     numeric(5, 2) CHECK (weight_kg > 0 AND weight_kg < 200),
  length_cm     numeric(5, 1) CHECK (length_cm > 0 AND length_cm < 250),
  position      text          CHECK (position IN ('LYING', 'STANDING')),
  oedema        boolean       NOT NULL DEFAULT false,
  -- the recorder confirmed a value that looked implausible (a loss, a shrinking length, a WHO flag)
  confirmed     boolean       NOT NULL DEFAULT false,
  recorded_by   bigint        NOT NULL,
  recorded_at   timestamptz   NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, student_id, measured_on),
  CHECK (weight_kg IS NOT NULL OR length_cm IS NOT NULL)
);
