-- The working-day calendar (issue #8): the credit office keeps the yearly holiday schedules.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'calendar:edit');
