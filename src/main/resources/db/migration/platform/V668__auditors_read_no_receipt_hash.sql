-- Gaps review xli V11 (the auditors' reach; RULES.md §10, least privilege): portal.tipoff.receipt_hash is the hash of
-- the receipt code a reporter follows their tip-off with (a bearer secret, not kept itself); the read-only role read
-- it, and with a code tried against it offline an auditor could follow a tip-off as its reporter. As V590 does for the
-- account tables' hashes: the table is read by column, every column but that one. A column a later migration adds to
-- portal.tipoff is unread by the role until granted. Nothing is done when the role does not exist or is the migrating
-- user itself (V376).
DO $$
DECLARE
    readonly text := '${readonly_role}';
    readable text;
BEGIN
    IF readonly = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = readonly) THEN
        RETURN;
    END IF;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO readable
    FROM pg_attribute a
    WHERE a.attrelid = 'portal.tipoff'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname <> 'receipt_hash';
    -- Revoking the table's SELECT revokes its columns' too; then every column but the hash is granted back.
    EXECUTE format('REVOKE SELECT ON portal.tipoff FROM %I', readonly);
    EXECUTE format('GRANT SELECT (%s) ON portal.tipoff TO %I', readable, readonly);
END
$$;
