-- Gaps review xxxi M2 (rest): a consent recorded at the window that is of multiple use or lasts more than 30 days
-- rests on more than one clerk's word (RULES.md §9: querying another person needs that person's authorisation, 征信业
-- 管理条例 Art. 18; §10 every operation traceable). It waits, unusable by the institution, until a second 信用办 staff
-- member who did not record it approves it (review 'APPROVED') or rejects it with a reason ('REJECTED'). A consent
-- that needs no second clerk (self-service, or single use for at most 30 days at the window) keeps review NULL.
ALTER TABLE inquiry.consent
    ADD COLUMN review text CHECK (review IN ('PENDING', 'APPROVED', 'REJECTED'));

-- Who recorded the consent at the window and who decided it; the phone typed at the window for a person without an
-- account phone (confirmed by a code when it was typed) is kept sealed until the decision is texted to it (PIPL
-- Art. 51), bound to 'inquiry.counter-consent-phone:<id>'.
CREATE TABLE inquiry.counter_consent_review (
    id                uuid PRIMARY KEY REFERENCES inquiry.consent (id),
    subject_id        uuid        NOT NULL,
    clerk_id          text        NOT NULL,
    clerk_name        text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    phone_cipher      bytea,
    phone_key_version integer,
    reviewer_id       text,
    reviewer_name     text,
    decided_at        timestamptz,
    reason            text,
    CHECK ((phone_cipher IS NULL) = (phone_key_version IS NULL)),
    CHECK ((reviewer_id IS NULL) = (decided_at IS NULL)),
    CHECK (reviewer_id IS NULL OR reviewer_id <> clerk_id)
);
CREATE INDEX counter_consent_review_waiting ON inquiry.counter_consent_review (recorded_at) WHERE decided_at IS NULL;
