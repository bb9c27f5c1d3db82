-- Maker-checker for the catalogue: the credit office drafts (catalog:edit) and approves (catalog:approve);
-- the same person can never do both for one version (enforced by the catalogue).
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'catalog:approve');
