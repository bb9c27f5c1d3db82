-- A citizen registration between the form and the SMS code, kept in the database rather than in one instance's
-- memory: a restart, or the code typed on a page another instance serves, no longer loses it. It holds no identity
-- number: the subject's id and keyed pseudonym (HMAC-SM3), the phone's pseudonym, masked form and SM4-GCM ciphertext,
-- the chosen password's hash and a keyed hash of the code (a plain hash of six digits is undone in milliseconds).
-- Rows live for the code's validity (5 minutes) and are deleted once expired (CitizenAccounts).
CREATE TABLE account.pending_registration (
    id                uuid PRIMARY KEY,
    subject_id        uuid        NOT NULL,
    subject_pseudonym text        NOT NULL,
    phone_pseudonym   text        NOT NULL,
    phone_masked      text        NOT NULL,
    phone_cipher      bytea       NOT NULL,
    phone_key_version integer     NOT NULL,
    password_hash     text        NOT NULL,
    code_hash         text        NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);
-- The resend limit looks up the last code sent to a phone; the clean-up, what has expired.
CREATE INDEX pending_registration_phone ON account.pending_registration (phone_pseudonym, created_at DESC);
CREATE INDEX pending_registration_expiry ON account.pending_registration (expires_at);
