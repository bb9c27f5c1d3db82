-- Credit repair applications (issue #8; RULES.md §6). One open application per record; approval by two people.
CREATE SCHEMA IF NOT EXISTS repair;

CREATE TABLE repair.application (
    id               uuid PRIMARY KEY,
    subject_id       uuid        NOT NULL,
    record_key       uuid        NOT NULL,
    item_code        text        NOT NULL,
    department_code  text        NOT NULL,
    decision_number  text,
    performance      text        NOT NULL CHECK (length(performance) BETWEEN 1 AND 2000),
    commitment_id    uuid        NOT NULL,
    filed_by         text        NOT NULL,
    counter_staff    text,
    filed_at         timestamptz NOT NULL,
    status           text        NOT NULL,
    feedback_due     date        NOT NULL,
    proposed_by      text,
    proposed_at      timestamptz,
    proposal_note    text,
    decision_due     date,
    extension_days   integer     NOT NULL DEFAULT 0,
    extension_reason text,
    decided_by       text,
    decided_at       timestamptz,
    reasons          text,
    version          integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX application_open_per_record ON repair.application (record_key)
    WHERE status IN ('APPLIED', 'PROPOSED');
CREATE INDEX application_subject ON repair.application (subject_id, filed_at DESC);
CREATE INDEX application_open ON repair.application (feedback_due) WHERE status IN ('APPLIED', 'PROPOSED');

-- Proof of performance and the other evidence an item's rule asks for (volunteer service, donation, training).
CREATE TABLE repair.attachment (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES repair.application (id),
    kind           text        NOT NULL CHECK (kind IN ('PROOF', 'VOLUNTEER', 'DONATION', 'TRAINING')),
    filename       text        NOT NULL,
    content_type   text        NOT NULL,
    content        bytea       NOT NULL,
    sha256         text        NOT NULL,
    uploaded_at    timestamptz NOT NULL
);
CREATE INDEX attachment_application ON repair.attachment (application_id);
