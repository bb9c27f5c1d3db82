-- Department supervision and the yearly progress report (issue #4; RULES.md §12): the credit office supervises the
-- departments, so its role is granted the right to see their figures and to produce the report.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'oversight:supervise');
