-- Score models and 信用惠民 benefits were changed by anyone who could watch the joint-measure cases (measure:cases).
-- Least privilege (RULES.md §10): the credit office, which keeps the models and the benefits, proposes a model and
-- adds or stops a benefit (scoring:edit) and activates a model proposed by another (scoring:approve; the same
-- person never both for one version, enforced by the scoring module); viewing stays with measure:cases.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'scoring:edit'),
    ('00000000-0000-7000-8000-000000000004', 'scoring:approve')
ON CONFLICT DO NOTHING;
