-- Gaps review xli V1 (RULES.md §10: query logs kept at least ten years, audit records protected against deletion).
-- V375 counted the legal minimum back from p_pruned_at, a time the caller gives: a caller passing a time years ahead
-- (a misset clock, a bug, anyone holding the runtime role's password) emptied every event in one call. The function
-- now refuses a pruning time ahead of the database server's own clock by more than the five minutes of skew the
-- verification already allows (audit.AuditVerification.CLOCK_SKEW), so the floor is counted from the server's time.
-- CREATE OR REPLACE keeps the owner, SECURITY DEFINER and V376's grant to the runtime role.
CREATE OR REPLACE FUNCTION audit.empty_past_retention(p_category text, p_before timestamptz, p_pruned_at timestamptz)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    minimum interval;
    emptied integer;
BEGIN
    minimum := CASE p_category
        WHEN 'SECURITY' THEN interval '180 days'
        WHEN 'PROCESSING' THEN interval '1096 days'
        WHEN 'QUERY' THEN interval '3653 days'
    END;
    IF minimum IS NULL THEN
        RAISE EXCEPTION 'unknown audit category %', p_category;
    END IF;
    IF p_pruned_at > clock_timestamp() + interval '5 minutes' THEN
        RAISE EXCEPTION 'audit retention runs by the database server''s clock: % is ahead of it', p_pruned_at;
    END IF;
    IF p_before IS NULL OR p_pruned_at IS NULL OR p_before > p_pruned_at - minimum THEN
        RAISE EXCEPTION 'audit % events keep their content for at least %', p_category, minimum;
    END IF;
    UPDATE audit.event SET actor_id = '', actor_name = '', organisation = '', action = '',
           subject_pseudonym = NULL, purpose = NULL, legal_basis = NULL, consent_id = NULL,
           request_id = NULL, detail = NULL, pruned_at = p_pruned_at
    WHERE category = p_category AND pruned_at IS NULL AND at < p_before;
    GET DIAGNOSTICS emptied = ROW_COUNT;
    RETURN emptied;
END
$$;
