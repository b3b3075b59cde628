-- A child's periodic health check (khám sức khỏe định kỳ, TTLT 13/2016/TTLT-BYT-BGDĐT): who
-- examined, what was found area by area (only the findings; an area absent is normal), the
-- conclusion and the advice to the family. Weight and height are the growth measurements.
CREATE TABLE health_check (
  school_id    bigint      NOT NULL REFERENCES school (id),
  id           bigint      GENERATED ALWAYS AS IDENTITY,
  student_id   bigint      NOT NULL,
  checked_on   date        NOT NULL,
  examiner     text        NOT NULL CHECK (length(examiner) BETWEEN 1 AND 200),
  findings     jsonb       NOT NULL DEFAULT '{}',
  conclusion   text        NOT NULL CHECK (conclusion IN ('HEALTHY', 'FOLLOW_UP', 'REFER')),
  advice       text        CHECK (length(advice) <= 1000),
  recorded_by  bigint      NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, student_id, checked_on),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
