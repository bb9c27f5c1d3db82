-- Gaps review xli V6 (RULES.md §9: another person's report only with their authorisation, for one purpose; 征信业管理
-- 条例 Art. 18). The use of a consent is one guarded statement (JdbcInquiry.use: not withdrawn, not expired, a single
-- use unused, reviewed), and an institution's report is only issued on a consent used so (Reports.forInstitution);
-- the tables now refuse what that statement never writes: a single-use consent used twice, a count below zero, a use
-- without its time or after the expiry, a purpose the code does not know (Purpose). Not a CHECK of the use against
-- granted_at or withdrawn_at: those times come from the clocks of possibly different instances, and a second's skew
-- would refuse a person's withdrawal; the use statement already refuses a withdrawn consent.
ALTER TABLE inquiry.consent
    ADD CONSTRAINT consent_uses_counted CHECK (uses >= 0 AND (NOT single_use OR uses <= 1)
        AND (uses = 0) = (last_used_at IS NULL)),
    ADD CONSTRAINT consent_used_before_expiry CHECK (last_used_at IS NULL OR last_used_at <= expires_at),
    ADD CONSTRAINT consent_purpose_known CHECK (purpose IN ('EMPLOYMENT', 'LENDING', 'LEASING', 'TENANCY', 'BIDDING',
        'BUSINESS_COOPERATION'));

-- inquiry.report is one of the largest tables (MigrationRule): NOT VALID here, validated by V577. An institution's
-- report names the consent it was issued on; the requester is one the code knows (Requester).
ALTER TABLE inquiry.report
    ADD CONSTRAINT report_requester_known CHECK (requester_kind IN ('SELF', 'INSTITUTION', 'GOVERNMENT')) NOT VALID,
    ADD CONSTRAINT report_institution_has_consent CHECK (requester_kind <> 'INSTITUTION' OR consent_id IS NOT NULL)
        NOT VALID;
