-- Queries and reports (issue #7): the credit office and department operators query a person's report within
-- their statutory duties (政务查询); institutions' API clients get the permission when the security
-- administrator registers them.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'inquiry:government'),
    ('00000000-0000-7000-8000-000000000005', 'inquiry:government');
