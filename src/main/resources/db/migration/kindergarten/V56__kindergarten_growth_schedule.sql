-- How often the school weighs and measures its children (TTLT 13/2016 as commonly applied:
-- monthly under 24 months, every three months after); the nurse or the principal sets it.
CREATE TABLE growth_schedule (
  school_id        bigint      PRIMARY KEY REFERENCES school (id),
  under_24_months  integer     NOT NULL CHECK (under_24_months BETWEEN 1 AND 6),
  from_24_months   integer     NOT NULL CHECK (from_24_months BETWEEN 1 AND 12),
  changed_by       bigint      NOT NULL,
  changed_at       timestamptz NOT NULL
);
