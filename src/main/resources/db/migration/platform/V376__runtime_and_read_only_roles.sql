-- Gaps review xxxiii N12 (GB/T 22239-2019 §8.1.4.2, least privilege for the database's accounts). Flyway migrates
-- as the schema owner (SPRING_FLYWAY_USER, else the platform's own user as before); the platform may then run as
-- a runtime role that owns nothing: it reads and writes the modules' tables, but may only read and append the audit
-- log (no UPDATE, DELETE or TRUNCATE on audit.*; retention's emptying through audit.empty_past_retention, V375),
-- and can drop or alter no table. A read-only role serves the auditors' and the reporting queries.
--
-- The roles are named by Flyway placeholders (application.yml: CHENGXIN_DB_RUNTIME_ROLE, CHENGXIN_DB_READONLY_ROLE).
-- A role that does not exist is created (NOLOGIN: the DBA gives logins as its members, or LOGIN and a password)
-- only when the migrating user may create roles; on a managed database where the DBA makes the roles, a missing
-- role is skipped with a notice, never a failed migration. Nothing is granted to or revoked from the migrating user
-- itself (a platform that still runs as the owner keeps every right).
--
-- Tables made by later migrations get the same rights through default privileges in each schema; a migration that
-- creates a new schema grants on it as this one does (DatabaseRolesIT checks every table).
DO $$
DECLARE
    runtime  text := '${runtime_role}';
    readonly text := '${readonly_role}';
    r        text;
    s        record;
    may      boolean;
BEGIN
    SELECT rolsuper OR rolcreaterole INTO may FROM pg_roles WHERE rolname = current_user;
    FOREACH r IN ARRAY ARRAY[runtime, readonly] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            IF may THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            ELSE
                RAISE NOTICE 'role % does not exist and % may not create it: no grants to it', r, current_user;
            END IF;
        END IF;
    END LOOP;

    FOR s IN SELECT n.nspname FROM pg_namespace n
             WHERE (pg_get_userbyid(n.nspowner) = current_user OR n.nspname = 'public')
               AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
             ORDER BY n.nspname LOOP
        IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s.nspname, runtime);
            IF s.nspname = 'audit' THEN
                EXECUTE format('GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, runtime);
                EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I',
                               s.nspname, runtime);
                EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT ON TABLES TO %I',
                               s.nspname, runtime);
            ELSE
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                               s.nspname, runtime);
                EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                               s.nspname, runtime);
            END IF;
            EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', s.nspname, runtime);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                           s.nspname, runtime);
        END IF;
        IF readonly <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = readonly) THEN
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s.nspname, readonly);
            EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, readonly);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I', s.nspname, readonly);
        END IF;
    END LOOP;

    IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit.empty_past_retention(text, timestamptz, timestamptz) TO %I',
                       runtime);
        -- The migrations' own record is Flyway's, read by the platform but never written.
        IF to_regclass('flyway_schema_history') IS NOT NULL THEN
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM %I', runtime);
        END IF;
    END IF;
    IF readonly <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = readonly) THEN
        -- Signed-in sessions: whoever reads a session id may act as its user.
        EXECUTE format('REVOKE SELECT ON account.http_session, account.http_session_attributes FROM %I', readonly);
    END IF;
END
$$;
