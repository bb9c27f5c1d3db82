-- Session xliv (the whole-diff review of gaps review xlii W2): the audit categories' legal floors (security events
-- 180 days, Cybersecurity Law Art. 21; processing records three years, PIPL Art. 56; queries of personal data ten
-- years, RULES.md §10) and the refusal of a pruning time ahead of the database server's clock stood in two functions:
-- V570's form over every event, kept for an instance of the previous release during a rolling upgrade, and V770's
-- range form the pass uses. A floor changed in one and not the other would let the older form empty events the newer
-- one keeps. V570's form now asks the range form over every position (seq is 0 or more, V5), so the floors and the
-- guard stand in V770's function alone; its callers see the same answers and the same refusals.
--
-- CREATE OR REPLACE keeps the owner and V376's grant to the runtime role; SECURITY DEFINER stays so that a caller
-- holding only the grant of this form (V376) still runs the range form as the owner. The revoke and the grant are
-- repeated as V770 makes them, so that the rights do not depend on what an older migration left.
CREATE OR REPLACE FUNCTION audit.empty_past_retention(p_category text, p_before timestamptz, p_pruned_at timestamptz)
    RETURNS integer
    LANGUAGE sql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT audit.empty_past_retention(p_category, 0, 9223372036854775807, p_before, p_pruned_at)
$$;

REVOKE EXECUTE ON FUNCTION audit.empty_past_retention(text, timestamptz, timestamptz) FROM PUBLIC;

DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit.empty_past_retention(text, timestamptz, timestamptz) TO %I',
                       runtime);
    END IF;
END
$$;
