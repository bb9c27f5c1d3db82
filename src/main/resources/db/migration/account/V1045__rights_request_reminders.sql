-- Reminders and escalation of 个人信息权利请求 (gaps review xlvi AA4 rest; PIPL Art. 50), as score reviews and
-- objections are watched (V28_1): a request due by the next working day is marked reminded of that deadline, once
-- (shown on the console's queue); one past its deadline unanswered is escalated to the credit office's supervision,
-- once, and stays so until answered.
ALTER TABLE account.rights_request ADD COLUMN reminded_for date, ADD COLUMN escalated_at timestamptz;

-- As V1010: the runtime role changes only what the answer and the watch write.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT UPDATE (reminded_for, escalated_at) ON account.rights_request TO %I', runtime);
END $$;
