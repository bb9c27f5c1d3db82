-- 个人信息权利请求 (gaps review xlvi AA4; PIPL Art. 50: a convenient way to receive and handle the person's requests,
-- a refusal with its reasons; Art. 44-49, Chapter IV). A signed-in citizen asks for what self-service does not do (a
-- deletion, an explanation of a processing, a complaint, ...); the credit office answers by due_on (15 working days,
-- GB/T 35273-2020 §8.7 practice; account.RightsRequests) with an outcome and its text, and a refusal, whole or in part,
-- with its reasons. Never deleted: the register is the person's and the auditor's trace.
--   number      the request number the person is given (shown as PI followed by six digits)
--   body        the person's words, any identity number masked before it is kept (RULES.md §10)
--   reasons     why the request was refused, wholly or in part; null when it was done
--   answered_by the staff account id that answered
CREATE TABLE account.rights_request (
    id            uuid        PRIMARY KEY,
    number        bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    subject_id    uuid        NOT NULL,
    kind          text        NOT NULL CONSTRAINT rights_request_kind_known CHECK (kind IN ('ACCESS', 'CORRECTION',
                                  'DELETION', 'EXPLANATION', 'CONSENT_WITHDRAWAL', 'COMPLAINT', 'OTHER')),
    body          text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    due_on        date        NOT NULL,
    outcome       text        CONSTRAINT rights_request_outcome_known CHECK (outcome IN ('DONE', 'PARTLY', 'REFUSED')),
    answer        text,
    reasons       text,
    answered_by   text,
    answered_at   timestamptz,
    CONSTRAINT rights_request_answered_whole CHECK ((outcome IS NULL) = (answer IS NULL)
        AND (outcome IS NULL) = (answered_by IS NULL) AND (outcome IS NULL) = (answered_at IS NULL)),
    -- PIPL Art. 50 ¶1: a refusal gives its reasons; a request done in full has none to give.
    CONSTRAINT rights_request_refusal_reasoned CHECK (CASE WHEN outcome IS NULL THEN reasons IS NULL
        ELSE (outcome IN ('PARTLY', 'REFUSED')) = (reasons IS NOT NULL) END),
    CONSTRAINT rights_request_due_after CHECK (due_on > (requested_at AT TIME ZONE 'Asia/Shanghai')::date)
);
CREATE INDEX rights_request_by_subject ON account.rights_request (subject_id, requested_at DESC);
CREATE INDEX rights_request_open_by_due ON account.rights_request (due_on, requested_at) WHERE outcome IS NULL;

-- As V670: the runtime role inserts requests and changes only the answer and, when two credit files become one
-- (account.JoinedAccounts), the subject; what the person asked and when, never. Nothing is done when the platform runs
-- as the owner or the runtime role does not exist.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE UPDATE, DELETE ON account.rights_request FROM %I', runtime);
    EXECUTE format('GRANT UPDATE (outcome, answer, reasons, answered_by, answered_at, subject_id) '
                   'ON account.rights_request TO %I', runtime);
END $$;
