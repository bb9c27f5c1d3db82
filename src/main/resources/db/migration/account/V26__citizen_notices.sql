-- Citizen notifications (issue #8 "Notifications"): in self-service and by SMS. To text a citizen the platform needs
-- the phone number itself, so it is now kept sealed (SM4-GCM, like identity numbers); accounts made before this
-- migration have none until the citizen registers the phone again, and get in-app notices only.
ALTER TABLE account.citizen ADD COLUMN phone_cipher bytea, ADD COLUMN phone_key_version integer;

CREATE TABLE account.notice (
    id         uuid PRIMARY KEY,
    subject_id uuid        NOT NULL,
    kind       text        NOT NULL,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL CHECK (length(body) <= 4000),
    link       text,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    sms        text        NOT NULL CHECK (sms IN ('NONE', 'QUEUED', 'SENT', 'FAILED'))
);
CREATE INDEX notice_subject ON account.notice (subject_id, created_at DESC);
