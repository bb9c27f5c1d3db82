-- Objections (issue #8): department operators answer the objections routed to their own department.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000005', 'objection:answer');
