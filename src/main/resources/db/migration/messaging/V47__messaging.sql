-- Messages from the school to families (DH-QT art. 3: periodic and urgent messages to parents
-- about results and health): notices, urgent and health notices, the periodic results summaries the
-- principal releases, and the roll's absence warnings. Each is kept with who wrote it and to whom.
CREATE TABLE message_summary_batch (
  school_id    bigint      NOT NULL REFERENCES school (id),
  id           bigint      GENERATED ALWAYS AS IDENTITY,
  from_day     date        NOT NULL,
  to_day       date        NOT NULL,
  created_by   bigint      NOT NULL,
  created_at   timestamptz NOT NULL,
  released_by  bigint,
  released_at  timestamptz,
  PRIMARY KEY (school_id, id),
  CHECK (to_day >= from_day)
);

CREATE TABLE message (
  school_id        bigint      NOT NULL REFERENCES school (id),
  id               bigint      GENERATED ALWAYS AS IDENTITY,
  kind             text        NOT NULL
                   CHECK (kind IN ('NOTICE', 'URGENT', 'HEALTH', 'SUMMARY', 'ABSENCE')),
  -- SCHOOL, GRADE:<n>, CLASS:<id>, STUDENTS (chosen families), STUDENT:<id>
  audience         text        NOT NULL,
  audience_label   text        NOT NULL,
  sent_by          bigint,     -- null: written by the system (an absence warning)
  sender_name      text        NOT NULL,
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
  body             text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  attachment_name  text,
  attachment_type  text,
  attachment       bytea       CHECK (octet_length(attachment) <= 5242880),
  summary_batch    bigint,
  created_at       timestamptz NOT NULL,
  -- a summary waits for the principal's release; every other message is released when written
  released_at      timestamptz,
  recipients       integer     NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, summary_batch) REFERENCES message_summary_batch (school_id, id)
);
CREATE INDEX message_school ON message (school_id, created_at DESC);
CREATE INDEX message_sender ON message (sent_by, created_at DESC);
CREATE INDEX message_batch ON message (school_id, summary_batch) WHERE summary_batch IS NOT NULL;

-- The in-app inbox: one row per family account and child the message is about.
CREATE TABLE message_recipient (
  school_id   bigint      NOT NULL,
  message_id  bigint      NOT NULL,
  account_id  bigint      NOT NULL,
  student_id  bigint      NOT NULL,
  read_at     timestamptz,
  PRIMARY KEY (school_id, message_id, account_id, student_id),
  FOREIGN KEY (school_id, message_id) REFERENCES message (school_id, id)
);
CREATE INDEX message_recipient_account ON message_recipient (account_id, message_id DESC);

-- A family's conversation with the school about one child: the family writes or replies to a
-- notice, the homeroom teacher (or a leader) answers.
CREATE TABLE conversation_post (
  school_id    bigint      NOT NULL,
  id           bigint      GENERATED ALWAYS AS IDENTITY,
  student_id   bigint      NOT NULL,
  author_id    bigint      NOT NULL,
  author_name  text        NOT NULL,
  from_family  boolean     NOT NULL,
  reply_to     bigint,     -- the notice a family answers
  body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, student_id) REFERENCES student (school_id, id)
);
CREATE INDEX conversation_post_student ON conversation_post (school_id, student_id, id);

-- How far each account has read a conversation (family and staff alike).
CREATE TABLE conversation_read (
  school_id   bigint NOT NULL,
  student_id  bigint NOT NULL,
  account_id  bigint NOT NULL,
  last_read   bigint NOT NULL,
  PRIMARY KEY (school_id, student_id, account_id)
);

-- The outbox: one row per recipient and channel, written in the transaction of the message and sent
-- afterwards by the delivery worker, with retries and back-off. The in-app inbox needs none.
CREATE TABLE message_delivery (
  school_id   bigint      NOT NULL,
  id          bigint      GENERATED ALWAYS AS IDENTITY,
  message_id  bigint,
  post_id     bigint,
  account_id  bigint      NOT NULL,
  channel     text        NOT NULL CHECK (channel IN ('EMAIL', 'PUSH', 'SMS', 'ZALO')),
  address     text        NOT NULL,
  status      text        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'DROPPED')),
  urgent      boolean     NOT NULL DEFAULT false,
  attempts    integer     NOT NULL DEFAULT 0,
  due_at      timestamptz NOT NULL,
  last_error  text,
  sent_at     timestamptz,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (school_id, id),
  CHECK ((message_id IS NULL) <> (post_id IS NULL))
);
CREATE INDEX message_delivery_due ON message_delivery (due_at) WHERE status = 'QUEUED';
CREATE INDEX message_delivery_message ON message_delivery (school_id, message_id);

-- A family's choice of channels besides the inbox, and its own e-mail address (the guardian record's
-- is used when none is given).
CREATE TABLE messaging_preference (
  account_id  bigint      PRIMARY KEY,
  email       text        CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  email_on    boolean     NOT NULL DEFAULT true,
  push_on     boolean     NOT NULL DEFAULT true,
  sms_on      boolean     NOT NULL DEFAULT false,
  zalo_on     boolean     NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL
);

-- The installed portal's push subscriptions (Web Push, RFC 8030/8291/8292); a push service that
-- answers 404 or 410 has ended one, and it is removed.
CREATE TABLE push_subscription (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  bigint      NOT NULL,
  endpoint    text        NOT NULL UNIQUE CHECK (length(endpoint) <= 1000),
  p256dh      text        NOT NULL,
  auth        text        NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX push_subscription_account ON push_subscription (account_id);

-- The server's VAPID key pair, made on first start when none is configured.
CREATE TABLE messaging_key (
  name        text        PRIMARY KEY,
  public_key  text        NOT NULL,
  private_key text        NOT NULL,
  created_at  timestamptz NOT NULL
);
