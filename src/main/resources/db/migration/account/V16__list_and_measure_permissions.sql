-- Lists and joint measures (issue #5): the credit office reviews list entries (already list:review), keeps the
-- rules and the measures catalogue and watches the cases; department operators propose entries.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'list:propose'),
    ('00000000-0000-7000-8000-000000000004', 'measure:edit'),
    ('00000000-0000-7000-8000-000000000004', 'measure:cases'),
    ('00000000-0000-7000-8000-000000000005', 'list:propose');
