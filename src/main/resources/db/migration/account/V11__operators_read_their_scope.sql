-- Department operators look up the subjects they report on; what they see is limited to their
-- department's data scope (catalogue items), and every look-up is audited with its purpose.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000005', 'subject:read');
