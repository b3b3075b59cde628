-- The group's evaluation of the educational programme at the end of a topic (chủ đề) or a term:
-- per developmental area, how many of the period's objectives the group met, which were not met
-- (and the children who need support), and what the teacher adjusts for the next period.
CREATE TABLE programme_evaluation (
  school_id     bigint      NOT NULL,
  class_id      bigint      NOT NULL,
  period        text        NOT NULL CHECK (length(period) BETWEEN 1 AND 120),
  ends_on       date        NOT NULL,
  area          text        NOT NULL CHECK (area IN ('PHYSICAL', 'COGNITIVE', 'LANGUAGE',
                                                     'SOCIAL', 'AESTHETIC', 'SOCIAL_AESTHETIC')),
  objectives    integer     NOT NULL CHECK (objectives BETWEEN 1 AND 100),
  met           integer     NOT NULL CHECK (met BETWEEN 0 AND objectives),
  not_met       text        CHECK (length(not_met) <= 1000),
  adjustment    text        CHECK (length(adjustment) <= 1000),
  evaluated_by  bigint      NOT NULL,
  evaluated_at  timestamptz NOT NULL,
  PRIMARY KEY (school_id, class_id, period, area),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);
