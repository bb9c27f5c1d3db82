-- The credit office writes typical cases and articles (content:edit), publishes them after review by a
-- second person (content:publish; the same person never does both for one article, enforced by the
-- portal) and handles the public's tip-offs (tipoff:handle).
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'content:edit'),
    ('00000000-0000-7000-8000-000000000004', 'content:publish'),
    ('00000000-0000-7000-8000-000000000004', 'tipoff:handle');
