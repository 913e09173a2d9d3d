-- Several serve replicas: what one replica knows that another may need.

-- Questions a replica acknowledged to Slack, until they are answered. The
-- replica that claimed one refreshes its heartbeat while it works; a
-- question whose heartbeat is older than the claim timeout is claimed and
-- answered by another replica (its placeholder updated, when it has one).
CREATE TABLE questions (
    key            text PRIMARY KEY,          -- the delivery key (event:…)
    route          text NOT NULL,             -- mention or dm
    channel        text NOT NULL,
    thread_ts      text NOT NULL DEFAULT '',  -- where the answer goes; '' is the top of a DM
    msg_ts         text NOT NULL DEFAULT '',  -- the message that asked
    user_id        text NOT NULL DEFAULT '',
    text           text NOT NULL,
    placeholder_ts text NOT NULL DEFAULT '',  -- the placeholder to update with the answer
    claimed_by     text NOT NULL,             -- replica id
    claimed_at     timestamptz NOT NULL DEFAULT now(),
    heartbeat      timestamptz NOT NULL DEFAULT now(),
    claims         integer NOT NULL DEFAULT 1,
    received_at    timestamptz NOT NULL DEFAULT now(),
    answered_at    timestamptz
);
CREATE INDEX questions_unanswered ON questions (heartbeat) WHERE answered_at IS NULL;
CREATE INDEX questions_received ON questions (received_at);

-- 👍/👎 votes, one row each (bot.Feedback as JSON).
CREATE TABLE feedback (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    record jsonb NOT NULL
);

-- What the buttons under an answer or a message check need, by the id the
-- button carries, so a click works on any replica.
CREATE TABLE answers (
    kind    text NOT NULL,
    id      text NOT NULL,
    body    jsonb NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);
CREATE INDEX answers_created ON answers (created);

CREATE INDEX threads_updated ON threads (updated);
