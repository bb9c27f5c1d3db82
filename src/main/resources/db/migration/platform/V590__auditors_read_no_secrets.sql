-- Gaps review xli V11 (RULES.md §10, GB/T 22239-2019 §8.1.4.2: least privilege). V376 let the read-only role read
-- every table but the sessions, so an auditor's login also read the keys the platform keeps in the database and the
-- hashes it checks sign-ins against: inquiry.secret signs the authorisation codes (inquiry.domain.AuthorisationCode),
-- account.secret and portal.secret the sign-in and tip-off challenges; password hashes, the codes' keyed hashes and
-- API key hashes can be attacked offline; totp_cipher is the staff's second factor. No component of the platform
-- connects as the read-only role (it serves the auditors' and the reporting queries only), so nothing reads them
-- through it. The three secrets are withheld whole; on the account tables holding hashes every other column stays
-- readable, granted by column (DatabaseRolesIT). An auditor's query names its columns there: SELECT * is refused.
--
-- A column a later migration adds to one of these tables is not readable by the role until that migration grants it
-- (column grants are not extended by default privileges). As V376: nothing is done when the role does not exist or is
-- the migrating user itself.
DO $$
DECLARE
    readonly text := '${readonly_role}';
    t        record;
    readable text;
BEGIN
    IF readonly = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = readonly) THEN
        RETURN;
    END IF;

    EXECUTE format('REVOKE SELECT ON account.secret, inquiry.secret, portal.secret FROM %I', readonly);

    FOR t IN SELECT * FROM (VALUES ('account.staff_user', ARRAY['password_hash', 'totp_cipher']),
                                   ('account.citizen', ARRAY['password_hash']),
                                   ('account.api_client', ARRAY['key_hash']),
                                   ('account.pending_registration', ARRAY['password_hash', 'code_hash']),
                                   ('account.pending_recovery', ARRAY['code_hash'])) AS v (tbl, withheld) LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO readable
        FROM pg_attribute a
        WHERE a.attrelid = t.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> ALL (t.withheld);
        -- Revoking the table's SELECT revokes its columns' too; then every column but the withheld is granted back.
        EXECUTE format('REVOKE SELECT ON %s FROM %I', t.tbl, readonly);
        EXECUTE format('GRANT SELECT (%s) ON %s TO %I', readable, t.tbl, readonly);
    END LOOP;
END
$$;
