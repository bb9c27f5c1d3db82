-- The base roles every platform starts with; the security administrator edits them afterwards.
-- The three administrators' roles (三员) hold only their own permissions (GB/T 22239-2019).
INSERT INTO account.role (id, code, name, admin_kind) VALUES
    ('00000000-0000-7000-8000-000000000001', 'SYSTEM_ADMIN',   '系统管理员', 'SYSTEM'),
    ('00000000-0000-7000-8000-000000000002', 'SECURITY_ADMIN', '安全管理员', 'SECURITY'),
    ('00000000-0000-7000-8000-000000000003', 'AUDIT_ADMIN',    '审计管理员', 'AUDIT'),
    ('00000000-0000-7000-8000-000000000004', 'CREDIT_OFFICE',  '信用办业务人员', NULL),
    ('00000000-0000-7000-8000-000000000005', 'DEPT_OPERATOR',  '部门报送人员', NULL);

INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000001', 'console:home'),
    ('00000000-0000-7000-8000-000000000001', 'account:user:manage'),
    ('00000000-0000-7000-8000-000000000001', 'account:department:manage'),
    ('00000000-0000-7000-8000-000000000001', 'account:apiclient:manage'),
    ('00000000-0000-7000-8000-000000000002', 'console:home'),
    ('00000000-0000-7000-8000-000000000002', 'account:role:manage'),
    ('00000000-0000-7000-8000-000000000003', 'console:home'),
    ('00000000-0000-7000-8000-000000000003', 'audit:read'),
    ('00000000-0000-7000-8000-000000000003', 'audit:verify'),
    ('00000000-0000-7000-8000-000000000004', 'console:home'),
    ('00000000-0000-7000-8000-000000000004', 'subject:read'),
    ('00000000-0000-7000-8000-000000000004', 'catalog:edit'),
    ('00000000-0000-7000-8000-000000000004', 'list:review'),
    ('00000000-0000-7000-8000-000000000004', 'repair:decide'),
    ('00000000-0000-7000-8000-000000000005', 'console:home'),
    ('00000000-0000-7000-8000-000000000005', 'record:submit');

-- The credit office itself is the first department.
INSERT INTO account.department (id, code, name, kind) VALUES
    ('00000000-0000-7000-8000-000000000100', 'CREDIT_OFFICE', '市社会信用体系建设领导小组办公室', 'CREDIT_OFFICE');

-- Defence in depth for 三员分立: whatever the application does, no user holds two administrators' roles.
CREATE FUNCTION account.enforce_admin_separation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(DISTINCT r.admin_kind) FROM account.staff_user_role ur
        JOIN account.role r ON r.id = ur.role_id
        WHERE ur.user_id = NEW.user_id AND r.admin_kind IS NOT NULL) > 1 THEN
        RAISE EXCEPTION 'ADMIN_ROLES_SEPARATED: a user may hold only one of the three administrators'' roles'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER staff_user_role_admin_separation AFTER INSERT OR UPDATE ON account.staff_user_role
    FOR EACH ROW EXECUTE FUNCTION account.enforce_admin_separation();
