-- The daily roll (điểm danh): one roll per class, day and session (buổi sáng, buổi chiều), the
-- students absent in it with (P) or without (K) permission or late (M, present), and a reason.
-- The term's sessions absent are counted from these rows into the class book (TT22 art. 12).

-- The school's choices: how many days after a day its roll may still change without a note, and
-- the warning thresholds. A class's sessions follow its shift (morning, afternoon, full day).
CREATE TABLE attendance_setting (
  school_id        bigint      PRIMARY KEY REFERENCES school (id),
  free_days        integer     NOT NULL DEFAULT 0 CHECK (free_days BETWEEN 0 AND 7),
  month_unexcused  integer     NOT NULL DEFAULT 3 CHECK (month_unexcused BETWEEN 1 AND 31),
  year_thresholds  integer[]   NOT NULL DEFAULT '{30,40,45}',
  changed_at       timestamptz NOT NULL,
  changed_by       bigint      NOT NULL
);

CREATE TABLE attendance_roll (
  school_id  bigint      NOT NULL,
  class_id   bigint      NOT NULL,
  day        date        NOT NULL,
  session    text        NOT NULL CHECK (session IN ('SANG', 'CHIEU')),
  version    integer     NOT NULL CHECK (version > 0),
  taken_by   bigint      NOT NULL,
  taken_at   timestamptz NOT NULL,
  -- why a roll changed after its free days (the homeroom teacher's note)
  note       text        CHECK (length(note) <= 500),
  PRIMARY KEY (school_id, class_id, day, session),
  FOREIGN KEY (school_id, class_id) REFERENCES school_class (school_id, id)
);

CREATE TABLE attendance_absence (
  school_id   bigint NOT NULL,
  class_id    bigint NOT NULL,
  day         date   NOT NULL,
  session     text   NOT NULL,
  student_id  bigint NOT NULL,
  kind        text   NOT NULL CHECK (kind IN ('P', 'K', 'M')),
  reason      text   CHECK (length(reason) <= 300),
  PRIMARY KEY (school_id, class_id, day, session, student_id),
  FOREIGN KEY (school_id, class_id, day, session)
    REFERENCES attendance_roll (school_id, class_id, day, session) ON DELETE CASCADE,
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX attendance_absence_student ON attendance_absence (school_id, student_id, day);

-- Each sending of a roll carries a key made by the phone; the same sending arriving again after a
-- reconnect is recognised by it and answered with what the first did, never written twice.
CREATE TABLE attendance_sending (
  school_id    bigint      NOT NULL,
  sending_key  uuid        NOT NULL,
  class_id     bigint      NOT NULL,
  day          date        NOT NULL,
  session      text        NOT NULL,
  version      integer     NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (school_id, sending_key)
);

-- A month closed by the principal: its rolls no longer change.
CREATE TABLE attendance_month_lock (
  school_id  bigint      NOT NULL REFERENCES school (id),
  month      date        NOT NULL CHECK (extract(day FROM month) = 1),
  locked_at  timestamptz NOT NULL,
  locked_by  bigint      NOT NULL,
  PRIMARY KEY (school_id, month)
);
