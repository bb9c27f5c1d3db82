-- Roles created by the security administrator (新建角色) carry an English name beside the Chinese one, so that the
-- console names them in the reader's language; the base roles get theirs here.
ALTER TABLE account.role ADD COLUMN name_en text;

UPDATE account.role SET name_en = CASE code
    WHEN 'SYSTEM_ADMIN' THEN 'System administrator'
    WHEN 'SECURITY_ADMIN' THEN 'Security administrator'
    WHEN 'AUDIT_ADMIN' THEN 'Audit administrator'
    WHEN 'CREDIT_OFFICE' THEN 'Credit office staff'
    WHEN 'DEPT_OPERATOR' THEN 'Department submitter'
END
WHERE name_en IS NULL;
