-- H3: department operators see the checks whose measures their department applied and whose entries have all ended
-- (措施解除), and acknowledge them.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000005', 'measure:lifted');
