-- Credit commitments (issue #8; 信用承诺): the signed text is kept as signed, with its SM3 digest.
CREATE SCHEMA IF NOT EXISTS commitment;

CREATE TABLE commitment.commitment (
    id                 uuid PRIMARY KEY,
    subject_id         uuid        NOT NULL,
    kind               text        NOT NULL,
    text               text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    digest             text        NOT NULL,
    reference          text,
    department_code    text,
    due                date,
    signed_by          text        NOT NULL,
    signed_at          timestamptz NOT NULL,
    status             text        NOT NULL DEFAULT 'IN_FORCE',
    breach_facts       text,
    breach_reported_by text,
    breach_reported_at timestamptz
);
CREATE INDEX commitment_subject ON commitment.commitment (subject_id, signed_at DESC);
CREATE INDEX commitment_due ON commitment.commitment (due) WHERE status = 'IN_FORCE';
