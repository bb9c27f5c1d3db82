-- 三员分立 and least privilege (RULES.md §10; GB/T 22239-2019 §8.1.4.2 d, §8.1.5.3; gaps review xxxi M3): an
-- administrator runs the platform, never anyone's records. V6's check counted only the administrators' kinds, so the
-- audit administrator could also hold the credit office's role, look people up and review her own look-ups. Now an
-- account holding an administrator's role holds no business role, and the reverse, whatever the application does.
-- Accounts that already hold such a combination are left as they are (each grant was someone's decision): the next
-- change of their roles must part them, and the roles page lists them for the security administrator.
CREATE OR REPLACE FUNCTION account.enforce_admin_separation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(DISTINCT r.admin_kind) FROM account.staff_user_role ur
        JOIN account.role r ON r.id = ur.role_id
        WHERE ur.user_id = NEW.user_id AND r.admin_kind IS NOT NULL) > 1 THEN
        RAISE EXCEPTION 'ADMIN_ROLES_SEPARATED: a user may hold only one of the three administrators'' roles'
            USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id
               WHERE ur.user_id = NEW.user_id AND r.admin_kind IS NOT NULL)
       AND EXISTS (SELECT 1 FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id
                   WHERE ur.user_id = NEW.user_id AND r.admin_kind IS NULL) THEN
        RAISE EXCEPTION 'ADMIN_WITH_BUSINESS_ROLE: an administrator''s account may hold no business role'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
