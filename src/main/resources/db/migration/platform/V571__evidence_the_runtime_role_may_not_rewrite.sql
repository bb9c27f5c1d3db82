-- Gaps review xli V2 (RULES.md §10: every operation traceable; the record's status history, the prior notice's date,
-- a report and the authorisation it rests on are evidence). V376 let the runtime role UPDATE and DELETE every table
-- outside audit; the code only ever inserts the rows below, or changes them in the few columns granted back here
-- (read from every UPDATE in src/main/java, the joins', expiry's, retention's and resealing's included). A bug, a
-- manual fix or a stolen runtime login can no longer rewrite a decision date, a consent's purpose, a report's SM3 or
-- a notice's date: the database refuses it (DatabaseRolesIT). Grants, not triggers: the owner (migrations, an
-- operator's documented repair) keeps every right, and the code's statements pay nothing.
--
-- A later UPDATE or DELETE on these tables in the code needs its column granted here by a migration of its own.
-- As V376: nothing is done when the platform runs as the owner or the runtime role does not exist.
DO $$
DECLARE
    runtime text := '${runtime_role}';
    t       text;
BEGIN
    IF runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RETURN;
    END IF;

    -- None of these is ever deleted by the code; the first seven are only inserted, the last five get back the
    -- columns the code changes.
    FOREACH t IN ARRAY ARRAY['creditfile.record_event', 'inquiry.report_record', 'inquiry.report_entry',
                             'inquiry.report_superseded', 'inquiry.counter_visit', 'objection.pause',
                             'shared.calendar_day_change',
                             'creditfile.record', 'inquiry.consent', 'inquiry.report', 'inquiry.counter_paper',
                             'listing.notice'] LOOP
        -- Revoking the table's UPDATE revokes its columns' too.
        EXECUTE format('REVOKE UPDATE, DELETE ON %s FROM %I', t, runtime);
    END LOOP;

    -- A record version's state and periods move (status changes, expiry, revocation, court listings' publication,
    -- periods shortened by a catalogue change) and a join moves it to the kept subject (creditfile.JoinedFiles);
    -- what was decided (key, version, item, department, decision number and date, content, fingerprint, batch,
    -- acceptance) never changes.
    EXECUTE format('GRANT UPDATE (status, current, publication_end, own_publication_end, retention_end, '
                   || 'revocation_reason, subject_id) ON creditfile.record TO %I', runtime);
    -- A consent is withdrawn, used and reviewed; who granted what to whom, for which purpose and until when, never.
    EXECUTE format('GRANT UPDATE (withdrawn_at, withdrawn_by, uses, last_used_at, review) ON inquiry.consent TO %I',
                   runtime);
    -- A report's content is emptied after its validity (inquiry.ReportRetention) and resealed under a new key; its
    -- SM3 tagged once; its number, requester, purpose, consent, time, SM3 and summary never change.
    EXECUTE format('GRANT UPDATE (content, content_key_version, pdf, pdf_key_version, emptied_at, tagged_sm3) '
                   || 'ON inquiry.report TO %I', runtime);
    -- A counter paper's scan is sealed and resealed (subject.FileSealing, subject.ReSealing).
    EXECUTE format('GRANT UPDATE (content, content_key_version) ON inquiry.counter_paper TO %I', runtime);
    -- A notice follows its person when two files are joined (listing.JoinedEntries); its text and date never change.
    EXECUTE format('GRANT UPDATE (subject_id) ON listing.notice TO %I', runtime);
END
$$;
