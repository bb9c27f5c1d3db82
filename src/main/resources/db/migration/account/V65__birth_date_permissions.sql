-- Completing a person's unknown birth date (issue #5): the credit office proposes (subject:amend) and reviews
-- (subject:amend:review), like the catalogue and the lists; the same person can never do both for one proposal
-- (enforced by the subject registry).
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'subject:amend'),
    ('00000000-0000-7000-8000-000000000004', 'subject:amend:review');
