-- Gaps review xli V3 (RULES.md §10: identity numbers masked on every screen, 1101**********002X; §1: the document type
-- kept with the number, an organisation known by its unified social credit code). The display form is written by
-- IdentityDocument.masked: a person's number through Masking.identityNumber, which always leaves stars (the whole
-- string of them for a short number); an organisation's code is public and kept as it is. The table refused neither a
-- person's number in clear, nor a document type the code does not know, nor a person under an organisation's code:
-- one bad write by a repair script or an import and the number is on a screen in clear.
--
-- subject.subject is one of the largest tables (MigrationRule): its constraints are added NOT VALID here, so that
-- registration goes on, and validated by V573 without blocking writes. The proposals' tables are small.
ALTER TABLE subject.subject
    ADD CONSTRAINT subject_document_type_known CHECK (document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT',
        'FOREIGN_PERMANENT_RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'UNIFIED_SOCIAL_CREDIT_CODE'))
        NOT VALID,
    ADD CONSTRAINT subject_kind_of_document CHECK ((kind = 'ORGANISATION') = (document_type = 'UNIFIED_SOCIAL_CREDIT_CODE'))
        NOT VALID,
    ADD CONSTRAINT subject_number_masked CHECK (document_type = 'UNIFIED_SOCIAL_CREDIT_CODE'
        OR strpos(number_masked, '*') > 0) NOT VALID;

ALTER TABLE subject.further_document
    ADD CONSTRAINT further_document_type_known CHECK (document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT',
        'FOREIGN_PERMANENT_RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'UNIFIED_SOCIAL_CREDIT_CODE')),
    ADD CONSTRAINT further_document_number_masked CHECK (document_type = 'UNIFIED_SOCIAL_CREDIT_CODE'
        OR strpos(number_masked, '*') > 0);

ALTER TABLE subject.join_proposal
    ADD CONSTRAINT join_proposal_type_known CHECK (joined_document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT',
        'FOREIGN_PERMANENT_RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'UNIFIED_SOCIAL_CREDIT_CODE')),
    ADD CONSTRAINT join_proposal_number_masked CHECK (joined_document_type = 'UNIFIED_SOCIAL_CREDIT_CODE'
        OR strpos(joined_masked, '*') > 0);
