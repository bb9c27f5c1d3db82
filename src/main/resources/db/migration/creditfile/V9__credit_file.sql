-- The credit file (module creditfile). Every version of every record is kept; nothing is hard-deleted.
CREATE SCHEMA creditfile;

CREATE TABLE creditfile.record (
    id               uuid        PRIMARY KEY,            -- one row per version
    record_key       uuid        NOT NULL,               -- the record across its versions
    version          int         NOT NULL CHECK (version >= 1),
    current          boolean     NOT NULL,
    subject_id       uuid        NOT NULL,
    item_code        text        NOT NULL,
    item_version     int         NOT NULL,
    department_code  text        NOT NULL,
    source_record_id text        NOT NULL,
    action           text        NOT NULL CHECK (action IN ('ADD', 'UPDATE', 'REVOKE')),
    decision_number  text,
    decision_date    date        NOT NULL,
    content          jsonb       NOT NULL,
    fingerprint      text        NOT NULL,               -- SHA-256 of what was submitted: tells a replay from a change
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'IN_DISPUTE', 'CORRECTED', 'REVOKED',
                                                            'REPAIRED', 'EXPIRED', 'ARCHIVED')),
    publication_end  date,                               -- last day shown and used; NULL: long-term
    retention_end    date,                               -- last day kept before archiving; NULL: long-term
    linked_from      uuid,                               -- set on a responsible person's copy of an organisation's record
    batch_id         uuid        NOT NULL,
    accepted_at      timestamptz NOT NULL,
    accepted_by      text        NOT NULL,
    -- Exactly once: a department's record version is stored once, whatever is replayed.
    CONSTRAINT record_natural_key UNIQUE (department_code, source_record_id, version)
);

CREATE UNIQUE INDEX record_one_current ON creditfile.record (record_key) WHERE current;
CREATE INDEX record_by_subject ON creditfile.record (subject_id) WHERE current;
CREATE INDEX record_publication_due ON creditfile.record (publication_end) WHERE current AND status = 'ACTIVE';
CREATE INDEX record_retention_due ON creditfile.record (retention_end) WHERE current AND status = 'EXPIRED';

-- Every change of a record's state: who, when, why.
CREATE TABLE creditfile.record_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id   uuid        NOT NULL REFERENCES creditfile.record (id),
    at          timestamptz NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    by_whom     text        NOT NULL,
    reason      text        NOT NULL
);
CREATE INDEX record_event_by_record ON creditfile.record_event (record_id);
