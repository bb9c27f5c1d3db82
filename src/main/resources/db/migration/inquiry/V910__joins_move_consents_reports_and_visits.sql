-- Engineer 13 (session xliv; gaps review xxx L1, 合并信用档案): a join of two files of one person moves the joined
-- subject's consents, reports and counter visits to the kept subject (inquiry.JoinedInquiries), as V571 lets
-- creditfile.JoinedFiles move records and listing.JoinedEntries move notices. Only the subject column is granted back:
-- who was authorised, for what, when, a report's number, content and SM3, a visit's check and clerk never change.
-- As V376 and V571: nothing is done when the platform runs as the owner or the runtime role does not exist.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT UPDATE (subject_id) ON inquiry.consent TO %I', runtime);
    EXECUTE format('GRANT UPDATE (subject_id) ON inquiry.report TO %I', runtime);
    EXECUTE format('GRANT UPDATE (subject_id) ON inquiry.counter_visit TO %I', runtime);
END
$$;
