-- Gaps review xliii X6 (rest): a consent the older platform recorded may have been given by a guardian for a minor or
-- a person without full capacity (监护人代为授权, RULES.md §6; 民法典 Art. 27, 28). The guardian's name and relation
-- come with it and are shown to the person in 授权管理 (the name masked). Whether it was for one query only is the
-- consent's own single_use. inquiry.migrated_consent is not among the largest tables (MigrationRule): its checks are
-- added and validated at once.
ALTER TABLE inquiry.migrated_consent
    ADD COLUMN guardian_name     text,
    ADD COLUMN guardian_relation text,
    ADD CONSTRAINT migrated_consent_guardian_whole CHECK ((guardian_name IS NULL) = (guardian_relation IS NULL)),
    ADD CONSTRAINT migrated_consent_guardian_relation_known CHECK (guardian_relation IN ('PARENT', 'SPOUSE', 'CHILD',
        'GRANDPARENT', 'SIBLING', 'OTHER_RELATIVE', 'DESIGNATED')),
    ADD CONSTRAINT migrated_consent_guardian_name_no_number CHECK (guardian_name !~ '[0-9]');

COMMENT ON COLUMN inquiry.migrated_consent.guardian_name IS 'the guardian who consented for the person on the older platform';
COMMENT ON COLUMN inquiry.migrated_consent.guardian_relation IS 'the guardian''s relation to the person (GuardianRelation)';
