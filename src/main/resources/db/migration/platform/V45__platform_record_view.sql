-- Who of the staff opened a student's record, and when (issue 20 part 2; Law 91/2025 on personal
-- data protection): the family reads this list in the portal. Appended by the pages that show one
-- student's record (the profile, the học bạ); never updated.
CREATE TABLE record_view (
  school_id    bigint      NOT NULL,
  student_id   bigint      NOT NULL,
  viewed_at    timestamptz NOT NULL,
  viewer_id    bigint      NOT NULL,
  viewer_name  text        NOT NULL,
  viewer_role  text,
  what         text        NOT NULL CHECK (length(what) <= 60)
);
CREATE INDEX record_view_student ON record_view (school_id, student_id, viewed_at DESC);
