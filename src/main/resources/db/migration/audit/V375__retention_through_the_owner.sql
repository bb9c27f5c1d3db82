-- Gaps review xxxiii N12 (GB/T 22239-2019 §8.1.4.2, least privilege): the platform may run as a role that may only
-- read and append the audit log (V376). Retention's emptying of content past its period (RULES.md §10,
-- audit.AuditRetention) is the one change the log ever sees; it goes through this function, which runs with its
-- owner's (the migrating role's) rights and changes nothing but the content columns of events past their legal
-- minimum: security events 180 days (Cybersecurity Law Art. 21), processing records three years (PIPL Art. 56),
-- queries of personal data ten years — counted back from the time given, as AuditRetention counts them.
CREATE FUNCTION audit.empty_past_retention(p_category text, p_before timestamptz, p_pruned_at timestamptz)
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

REVOKE EXECUTE ON FUNCTION audit.empty_past_retention(text, timestamptz, timestamptz) FROM PUBLIC;
