-- Session xliv (gaps review xlii W2's rest): each chunk of the nightly retention pass appends its category's next mark
-- to audit.retention_mark (V770), about 600 rows a night at a city's rate, and the runtime role may only read and
-- append the audit schema (V376), so nothing ever deleted them. Only a category's latest mark is read (where its walk
-- and its re-check stand, and the number the next chunk appends: two runners appending the same one cannot both
-- commit); what each chunk emptied stays on the events themselves (pruned_at). This function, the owner's as V770's,
-- deletes every mark but the latest of each category; audit.AuditRetention calls it at the end of a pass.
--
-- It takes no argument and never deletes a category's latest mark, so a caller cannot move a walk back or forward:
-- a runner's chunk in flight reads the latest mark and appends the one after it, which no deletion here touches.
CREATE FUNCTION audit.forget_passed_retention_marks()
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    forgotten integer;
BEGIN
    DELETE FROM audit.retention_mark m
    WHERE m.n < (SELECT max(latest.n) FROM audit.retention_mark latest WHERE latest.category = m.category);
    GET DIAGNOSTICS forgotten = ROW_COUNT;
    RETURN forgotten;
END
$$;

REVOKE EXECUTE ON FUNCTION audit.forget_passed_retention_marks() FROM PUBLIC;

-- Granted as V376 and V770 grant the retention functions: to the runtime role when it exists and is not the
-- migrating user.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit.forget_passed_retention_marks() TO %I', runtime);
    END IF;
END
$$;
