-- Gaps review xlvi AA2, the lead's retention schedule: a consent (查询授权) is kept ten years after it ended, as the
-- query log it proves (RULES.md §9; 征信业管理条例 Art. 18: the institution's proof of its authorisation; PIPL Art. 19,
-- 47 ¶1 (2)-(3): then deleted), with what hangs on it: the reports issued on it (and the records, entries and
-- supersession they carry), the counter visits that granted or withdrew it or handed out such a report (and their
-- scanned papers), its second clerk's review and its migration row.
--
-- The runtime role may not DELETE consents, reports, their children, counter visits or papers (V571: evidence the code
-- never rewrites), and keeps that. The deletion is this function's, run with its owner's (the migrating role's) rights
-- as audit.empty_past_retention (V375, V770) is: it judges the ten years itself, by the database server's clock and
-- from the consent's own end columns, so that a caller's wrong cutoff (a clock ahead, a shortened setting, a bug)
-- cannot delete a consent ended nine years ago. A consent has ended at the earliest of its withdrawal, its expiry, its
-- use (single use, used) and a second clerk's rejection (V321); one in force has no end in the past and is never
-- deleted, whenever it was given. One is also kept while a report issued on it or a visit about it is younger than ten
-- years (none should be: a report is issued and a visit served while the consent is in force). Children go first.
--
-- p_consents: the chunk the caller read (inquiry/ConsentRetention: in grant order); those not yet due are left.
-- p_ended_before: the caller's cutoff; refused when later than ten years back by the server's clock (a day's margin
-- for the application's clock and zone), and never used beyond that point.
CREATE FUNCTION inquiry.delete_ended_consents(p_consents uuid[], p_ended_before timestamptz)
    RETURNS TABLE (consents integer, reports integer, report_records integer, report_entries integer,
                   reports_superseded integer, counter_visits integer, counter_papers integer,
                   consent_reviews integer, migrated_consents integer)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ten_years_ago timestamptz := clock_timestamp() - interval '10 years';
    cutoff        timestamptz;
    ended         uuid[];
    issued        uuid[];
    visits        uuid[];
BEGIN
    IF p_consents IS NULL OR p_ended_before IS NULL THEN
        RAISE EXCEPTION 'consent retention deletes a chunk of consents ended before a cutoff: none given';
    END IF;
    IF p_ended_before > ten_years_ago + interval '1 day' THEN
        RAISE EXCEPTION 'consents are kept for at least 10 years after they end: % is after %', p_ended_before,
            ten_years_ago;
    END IF;
    cutoff := least(p_ended_before, ten_years_ago);

    SELECT coalesce(array_agg(due.id), '{}') INTO ended
    FROM (SELECT c.id
          FROM inquiry.consent c
          LEFT JOIN inquiry.counter_consent_review r ON r.id = c.id
          WHERE c.id = ANY (p_consents)
            AND least(c.withdrawn_at, c.expires_at,
                      CASE WHEN c.single_use AND c.uses > 0 THEN c.last_used_at END,
                      CASE WHEN c.review = 'REJECTED' THEN r.decided_at END) < cutoff
            AND NOT EXISTS (SELECT 1 FROM inquiry.report x WHERE x.consent_id = c.id AND x.generated_at >= cutoff)
            AND NOT EXISTS (SELECT 1 FROM inquiry.counter_visit v WHERE v.consent_id = c.id AND v.served_at >= cutoff)
          FOR UPDATE OF c) due;

    SELECT coalesce(array_agg(x.id), '{}') INTO issued FROM inquiry.report x WHERE x.consent_id = ANY (ended);
    SELECT coalesce(array_agg(v.id), '{}') INTO visits FROM inquiry.counter_visit v
    WHERE v.consent_id = ANY (ended) OR v.report_id = ANY (issued);

    DELETE FROM inquiry.counter_paper p WHERE p.visit_id = ANY (visits);
    GET DIAGNOSTICS counter_papers = ROW_COUNT;
    DELETE FROM inquiry.counter_visit v WHERE v.id = ANY (visits);
    GET DIAGNOSTICS counter_visits = ROW_COUNT;
    DELETE FROM inquiry.report_record rr WHERE rr.report_id = ANY (issued);
    GET DIAGNOSTICS report_records = ROW_COUNT;
    DELETE FROM inquiry.report_entry re WHERE re.report_id = ANY (issued);
    GET DIAGNOSTICS report_entries = ROW_COUNT;
    DELETE FROM inquiry.report_superseded rs WHERE rs.report_id = ANY (issued);
    GET DIAGNOSTICS reports_superseded = ROW_COUNT;
    DELETE FROM inquiry.report x WHERE x.id = ANY (issued);
    GET DIAGNOSTICS reports = ROW_COUNT;
    DELETE FROM inquiry.counter_consent_review r WHERE r.id = ANY (ended);
    GET DIAGNOSTICS consent_reviews = ROW_COUNT;
    DELETE FROM inquiry.migrated_consent m WHERE m.consent_id = ANY (ended);
    GET DIAGNOSTICS migrated_consents = ROW_COUNT;
    DELETE FROM inquiry.consent c WHERE c.id = ANY (ended);
    GET DIAGNOSTICS consents = ROW_COUNT;
    RETURN NEXT;
END
$$;

REVOKE EXECUTE ON FUNCTION inquiry.delete_ended_consents(uuid[], timestamptz) FROM PUBLIC;

-- Granted as V376 grants the audit's function: to the runtime role when it exists and is not the migrating user.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION inquiry.delete_ended_consents(uuid[], timestamptz) TO %I', runtime);
    END IF;
END
$$;
