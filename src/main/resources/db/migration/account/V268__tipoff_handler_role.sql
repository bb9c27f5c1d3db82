-- 举报受理 (finding I7 of docs/gaps-review-xxvii.md; RULES.md §10: least privilege):
-- a tip-off holds an unverified allegation against a named person and, sealed, who made it. The base 信用办 role held
-- tipoff:handle, so every clerk of the credit office read every tip-off. The permission moves to a role of its own,
-- 举报受理员, which the security administrator grants to the staff who handle tip-offs, as any credit-office role
-- (RoleReach: tipoff:handle is no department's duty, so only a credit-office user may hold it).
INSERT INTO account.role (id, code, name, name_en, admin_kind) VALUES
    ('00000000-0000-7000-8000-000000000007', 'TIPOFF_HANDLER', '举报受理员', 'Tip-off handler', NULL)
ON CONFLICT (code) DO NOTHING;

INSERT INTO account.role_permission (role_id, permission)
SELECT id, p.permission FROM account.role, (VALUES ('console:home'), ('tipoff:handle')) AS p (permission)
WHERE code = 'TIPOFF_HANDLER'
ON CONFLICT DO NOTHING;

-- Who handles tip-offs now keeps doing so: the enabled credit-office accounts recorded as the last to decide a
-- tip-off (portal.tipoff.handled_by, the username) get the role, so that the upgrade leaves no tip-off unanswered
-- while the security administrator decides who else needs it. Every other clerk loses the reading. A new platform
-- (no tip-off decided yet) gives it to no one: the security administrator grants it on first setup (README).
INSERT INTO account.staff_user_role (user_id, role_id)
SELECT u.id, r.id
FROM account.staff_user u
JOIN account.department d ON d.id = u.department_id AND d.kind = 'CREDIT_OFFICE'
JOIN account.role r ON r.code = 'TIPOFF_HANDLER'
WHERE u.enabled AND u.username IN (SELECT handled_by FROM portal.tipoff WHERE handled_by IS NOT NULL)
ON CONFLICT DO NOTHING;

DELETE FROM account.role_permission
WHERE permission = 'tipoff:handle'
  AND role_id = (SELECT id FROM account.role WHERE code = 'CREDIT_OFFICE');
