-- 电子送达确认书 where citizens and clerks meet it (gaps review xl U13 rest; 《行政处罚法》第六十一条). V670 kept the
-- agreements signed in self-service; a citizen may now also tick the confirmation when registering, and a clerk records
-- a confirmation the person signed on paper at the window (窗口). Each agreement says how it came:
--   channel          'self_service' (the page 个人中心 → 电子送达), 'registration' (ticked on the registration form,
--                    stored as the account was created), 'counter' (a signed paper recorded by a clerk), 'demo'
--   recorded_by      the clerk who recorded a paper (their staff id); null otherwise
--   signed_on        the day the person signed the paper, as written on it; null otherwise
--   paper_reference  where the paper is kept (its archive number); null otherwise
-- A paper agreement is in force from its recording (agreed_at), not from the day written on it: a read or a text
-- before the clerk recorded it served nothing, and a service is never dated back. A withdrawal at the window writes
-- withdrawn_by 'counter' (the clerk is named in the audit log, as 'closure' and 'unbind' are).
-- The table is small (one row per agreement): adding columns with a constant default rewrites nothing.
ALTER TABLE account.electronic_service_agreement
    ADD COLUMN channel         text NOT NULL DEFAULT 'self_service',
    ADD COLUMN recorded_by     text,
    ADD COLUMN signed_on       date,
    ADD COLUMN paper_reference text;
UPDATE account.electronic_service_agreement SET channel = 'demo' WHERE agreed_by = 'demo';
ALTER TABLE account.electronic_service_agreement
    ADD CONSTRAINT electronic_service_channel_known
        CHECK (channel IN ('self_service', 'registration', 'counter', 'demo')),
    ADD CONSTRAINT electronic_service_paper_whole
        CHECK ((channel = 'counter') = (recorded_by IS NOT NULL AND signed_on IS NOT NULL
                                        AND paper_reference IS NOT NULL));

-- The registration form's box, kept with the registration waiting for its code: the version of the confirmation's text
-- the applicant ticked (null: not ticked). The agreement is stored when the code completes the registration.
ALTER TABLE account.pending_registration ADD COLUMN eservice_terms_version text;

-- As V590: the read-only role reads account.pending_registration by column; the new one is no secret.
DO $$
DECLARE
    readonly text := '${readonly_role}';
BEGIN
    IF readonly = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = readonly) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT (eservice_terms_version) ON account.pending_registration TO %I', readonly);
END $$;
