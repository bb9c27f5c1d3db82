-- Gaps review xxxi M2 (rest): a counter consent of multiple use or of more than 30 days is approved by a second
-- 信用办 staff member (maker-checker, RULES.md §10 least privilege and traceability). The credit office's staff run
-- the window, so their base role holds the reviewer's side too; the inquiry module refuses the clerk who recorded the
-- consent (COUNTER_CONSENT_SELF_REVIEW), as the other maker-checker pairs of this role do.
INSERT INTO account.role_permission (role_id, permission)
SELECT id, 'inquiry:counter:review' FROM account.role WHERE code = 'CREDIT_OFFICE'
ON CONFLICT DO NOTHING;
