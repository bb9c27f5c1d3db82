-- Gaps review xli V3 (RULES.md §10: identity numbers masked on screens and public pages). A list entry's
-- masked_number is printed as stored on 信用公示 (templates/portal/lists.html); the registry's display form is copied
-- into it (subject.IdentityDocument.masked: a person's number always with stars, an organisation's code public as it
-- is). The table now refuses a person's number in clear, as subject.subject does (V572). Entries are proposals, not
-- checks: a small table, no hot path. The persons awaiting a birth date (V71) are persons, and their document type
-- is one the code reads back (DocumentType.valueOf).
ALTER TABLE listing.entry
    ADD CONSTRAINT entry_number_masked CHECK (subject_kind = 'ORGANISATION' OR strpos(masked_number, '*') > 0);

ALTER TABLE listing.awaiting_birth_date
    ADD CONSTRAINT awaiting_birth_date_type_known CHECK (document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT',
        'FOREIGN_PERMANENT_RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT')),
    ADD CONSTRAINT awaiting_birth_date_number_masked CHECK (strpos(masked_number, '*') > 0);
