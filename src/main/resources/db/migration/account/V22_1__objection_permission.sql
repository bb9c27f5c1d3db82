-- Objections (issue #8): the credit office handles them.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'objection:handle');
