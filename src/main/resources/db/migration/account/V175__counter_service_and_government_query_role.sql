-- 政务查询 (gaps review xxiii F3; RULES.md §9 "within statutory duties", §10 least privilege): a department's
-- data-submission clerk (部门报送人员) sends records and answers routed objections; querying a person's report is
-- the work of the department's 信用管理 staff. The permission moves to a role of their own, which the security
-- administrator assigns to those staff; no existing user is given it here (each assignment is a decision).
INSERT INTO account.role (id, code, name, name_en, admin_kind) VALUES
    ('00000000-0000-7000-8000-000000000006', 'DEPT_CREDIT', '部门信用管理人员', 'Department credit officer', NULL)
ON CONFLICT (code) DO NOTHING;

INSERT INTO account.role_permission (role_id, permission)
SELECT id, p.permission FROM account.role, (VALUES ('console:home'), ('inquiry:government')) AS p (permission)
WHERE code = 'DEPT_CREDIT'
ON CONFLICT DO NOTHING;

DELETE FROM account.role_permission
WHERE permission = 'inquiry:government'
  AND role_id = (SELECT id FROM account.role WHERE code = 'DEPT_OPERATOR');
