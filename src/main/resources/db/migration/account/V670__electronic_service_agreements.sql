-- 电子送达确认书 (gaps review xl U13; 《行政处罚法》第六十一条: a decision is served under the 民事诉讼法, and "当事人同意并签订
-- 确认书的，行政机关可以采用传真、电子邮件等方式" serve it electronically). A citizen agrees in self-service that the list
-- notices owed to them are served by their reading them in 个人中心 and by the text to the phone on file; listing asks
-- whether an agreement was in force at the moment of a read or a text (account.ElectronicServiceAgreements). Services
-- recorded before this migration stay as recorded (a service is never changed, listing.notice_delivery).
--
-- Never deleted: a withdrawal is written into the row (withdrawn_at, withdrawn_by), and agreeing again is a new row.
--   agreed_by     the citizen's account id, or 'demo' for the synthetic demo citizen (account.DemoAccounts)
--   terms_version the version of the confirmation's text the citizen was shown and ticked
--   withdrawn_by  the citizen's account id, 'closure' (the account closed) or 'unbind' (registered by someone else)
CREATE TABLE account.electronic_service_agreement (
    id            uuid        PRIMARY KEY,
    subject_id    uuid        NOT NULL,
    agreed_by     text        NOT NULL,
    terms_version text        NOT NULL,
    agreed_at     timestamptz NOT NULL,
    withdrawn_at  timestamptz,
    withdrawn_by  text,
    CONSTRAINT electronic_service_withdrawal_whole CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
    CONSTRAINT electronic_service_withdrawn_after CHECK (withdrawn_at IS NULL OR withdrawn_at >= agreed_at)
);
CREATE INDEX electronic_service_agreement_by_subject ON account.electronic_service_agreement (subject_id, agreed_at);
-- One agreement in force per person: agreeing twice is the same agreement.
CREATE UNIQUE INDEX electronic_service_agreement_one_in_force ON account.electronic_service_agreement (subject_id)
    WHERE withdrawn_at IS NULL;

-- As V571: the runtime role inserts agreements and changes only the withdrawal and, when two credit files become one
-- (account.JoinedAccounts), the subject; who agreed to which text, when, never. Nothing is done when the platform runs
-- as the owner or the runtime role does not exist.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE UPDATE, DELETE ON account.electronic_service_agreement FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (withdrawn_at, withdrawn_by, subject_id) ON account.electronic_service_agreement TO %I',
                   runtime);
END $$;
