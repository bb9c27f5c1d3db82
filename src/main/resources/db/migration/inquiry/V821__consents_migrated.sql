-- Gaps review xliii X6 (b): consents the older platform recorded are carried over at the move (PIPL Art. 15: a consent
-- stands until withdrawn), by the server command import-consents: stored in inquiry.consent as if granted then, through
-- a third channel, 'migration'. inquiry.consent is not among the largest tables (MigrationRule): its check is replaced
-- and validated at once.
ALTER TABLE inquiry.consent DROP CONSTRAINT consent_granted_via_known;
ALTER TABLE inquiry.consent
    ADD CONSTRAINT consent_granted_via_known CHECK (granted_via IN ('self-service', 'counter', 'migration'));

-- Which consents came over, keyed by what the old platform's consent was (person, institution, purpose, granted at),
-- so that a rerun of the import carries none twice; and when the person was told (消息通知: one notice per person
-- listing the institutions, sent after the rows are stored, so that a run stopped half-way tells on the next).
CREATE TABLE inquiry.migrated_consent (
    consent_id     uuid        PRIMARY KEY REFERENCES inquiry.consent (id),
    subject_id     uuid        NOT NULL,
    institution_id uuid        NOT NULL,
    purpose        text        NOT NULL,
    granted_at     timestamptz NOT NULL,
    imported_at    timestamptz NOT NULL DEFAULT now(),
    told_at        timestamptz,
    UNIQUE (subject_id, institution_id, purpose, granted_at)
);
CREATE INDEX migrated_consent_untold ON inquiry.migrated_consent (subject_id) WHERE told_at IS NULL;

COMMENT ON TABLE inquiry.migrated_consent IS 'consents carried over from the older platform at the move';
COMMENT ON COLUMN inquiry.migrated_consent.told_at IS 'when the person''s notice listing the institutions was written';
