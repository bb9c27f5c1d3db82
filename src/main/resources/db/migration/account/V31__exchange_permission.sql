-- Exchange (issue #9): the credit office watches partners, queues and reconciliation.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'exchange:manage');
