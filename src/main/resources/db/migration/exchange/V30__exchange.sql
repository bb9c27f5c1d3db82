-- Exchange with other platforms (module exchange, issue #9). Identity numbers are never stored here in clear:
-- the outbox keeps the subject's id and the number is read from the subject register when a batch is signed;
-- what is received keeps the blind-index pseudonym and the masked number only.
CREATE SCHEMA exchange;

-- The platforms this one talks to: its parent, its children and peers, with the SM2 key that verifies them.
CREATE TABLE exchange.partner (
    code            text        PRIMARY KEY,
    name            text        NOT NULL,
    level           text        NOT NULL CHECK (level IN ('CITY', 'PROVINCE', 'NATION')),
    relation        text        NOT NULL CHECK (relation IN ('PARENT', 'CHILD', 'PEER')),
    base_url        text,                                -- where batches are pushed; NULL: the partner pulls
    public_key      text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    failures        int         NOT NULL DEFAULT 0,      -- failed pushes in a row (backoff)
    next_attempt_at timestamptz,
    last_error      text,
    last_ack_at     timestamptz,
    updated_at      timestamptz NOT NULL
);

-- Versions of outbound messages: one sequence, so every change of a source id gets a higher version.
CREATE SEQUENCE exchange.message_version;

-- The transactional outbox: a row per message and partner, written in the transaction of the change.
CREATE TABLE exchange.outbox (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- delivery order and pull cursor
    partner_code    text        NOT NULL REFERENCES exchange.partner (code),
    subject_id      uuid        NOT NULL,
    source_platform text        NOT NULL,
    source_id       text        NOT NULL,
    version         bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('RECORD', 'LIST_ENTRY')),
    status          text        NOT NULL,                -- the message's status field, for the console and queries
    body            jsonb       NOT NULL,                -- the message without the identity number
    queued_at       timestamptz NOT NULL,
    batch_id        uuid,                                -- the last batch it travelled in
    attempts        int         NOT NULL DEFAULT 0,
    acked_at        timestamptz,
    CONSTRAINT outbox_once UNIQUE (partner_code, source_platform, source_id, version)
);
CREATE INDEX outbox_waiting ON exchange.outbox (partner_code, seq) WHERE acked_at IS NULL;
CREATE INDEX outbox_by_subject ON exchange.outbox (subject_id);

-- How far a feed of another module (listing's change feed) has been followed.
CREATE TABLE exchange.feed_position (
    feed     text   PRIMARY KEY,
    position bigint NOT NULL
);

-- Every batch accepted, so that a replayed batch id is refused.
CREATE TABLE exchange.inbound_batch (
    partner_code text        NOT NULL,
    batch_id     uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    messages     int         NOT NULL,
    applied      int         NOT NULL,
    digest       text        NOT NULL,
    PRIMARY KEY (partner_code, batch_id)
);

-- The latest version of everything received, by its issuing platform's id; change_seq feeds the check index.
CREATE SEQUENCE exchange.received_seq;
CREATE TABLE exchange.received (
    source_platform     text        NOT NULL,
    source_id           text        NOT NULL,
    version             bigint      NOT NULL,
    kind                text        NOT NULL,
    via_partner         text        NOT NULL,
    subject_pseudonym   text        NOT NULL,
    masked_number       text        NOT NULL,
    masked_name         text,
    item_code           text,
    list_type           text,
    severity            text,
    status              text        NOT NULL,
    in_force            boolean     NOT NULL,
    disputed            boolean     NOT NULL,
    period_start        date,
    period_end          date,
    department          text,
    decision_number     text,
    legal_basis         text,
    issuing_platform    text,
    occurred_at         timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    digest              text        NOT NULL,            -- SM3 of the message as received (reconciliation)
    change_seq          bigint      NOT NULL DEFAULT nextval('exchange.received_seq'),
    PRIMARY KEY (source_platform, source_id)
);
CREATE INDEX received_by_change ON exchange.received (change_seq);
CREATE INDEX received_by_subject ON exchange.received (subject_pseudonym);
