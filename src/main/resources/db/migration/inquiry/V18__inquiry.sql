-- Consents, credit reports and the subjects' statements (issue #7; RULES.md §9).
CREATE SCHEMA IF NOT EXISTS inquiry;

-- 授权: one named institution (an API client), one purpose, an expiry, single or multiple use; withdrawable.
CREATE TABLE inquiry.consent (
    id            uuid PRIMARY KEY,
    subject_id    uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    institution   text        NOT NULL,
    organisation  text        NOT NULL,
    purpose       text        NOT NULL,
    single_use    boolean     NOT NULL,
    granted_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    withdrawn_at  timestamptz,
    uses          integer     NOT NULL DEFAULT 0,
    last_used_at  timestamptz,
    granted_via   text        NOT NULL,
    CHECK (expires_at > granted_at)
);
CREATE INDEX consent_subject ON inquiry.consent (subject_id, granted_at DESC);
CREATE INDEX consent_client_subject ON inquiry.consent (client_id, subject_id);

-- A report as issued: its number and verification code (printed on it), who it was for and why, the snapshot
-- it was made from, the PDF itself and its SM3 digest (also in the audit log).
CREATE TABLE inquiry.report (
    id                uuid PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    verification_code text        NOT NULL,
    kind              text        NOT NULL,
    subject_id        uuid        NOT NULL,
    requester_kind    text        NOT NULL,
    requester_id      text        NOT NULL,
    requester_name    text        NOT NULL,
    organisation      text        NOT NULL,
    purpose           text        NOT NULL,
    legal_basis       text,
    consent_id        uuid REFERENCES inquiry.consent (id),
    generated_at      timestamptz NOT NULL,
    valid_until       timestamptz NOT NULL,
    sm3               text        NOT NULL,
    summary           jsonb       NOT NULL,
    content           jsonb       NOT NULL,
    pdf               bytea       NOT NULL
);
CREATE INDEX report_subject ON inquiry.report (subject_id, generated_at DESC);
CREATE INDEX report_subject_kind ON inquiry.report (subject_id, kind, generated_at);

-- 本人声明: the subject's own words about their file (or one record of it), carried by every report.
CREATE TABLE inquiry.statement (
    id           uuid PRIMARY KEY,
    subject_id   uuid        NOT NULL,
    record_key   uuid,
    text         text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    created_at   timestamptz NOT NULL,
    withdrawn_at timestamptz
);
CREATE INDEX statement_subject ON inquiry.statement (subject_id, created_at);

-- Keys of the module (the authorisation code's HMAC key), generated on first use.
CREATE TABLE inquiry.secret (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);
