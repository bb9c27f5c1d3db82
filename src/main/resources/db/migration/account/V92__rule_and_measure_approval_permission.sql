-- Maker-checker for the list rules and the joint measures (issue #5): a change one person saves is put in force by
-- another holding measure:approve, as list entries are reviewed by one holding list:review. Every role that reviews
-- entries (the credit office's) may approve these changes too; the same person never both for one change (enforced
-- by the listing and measures modules).
INSERT INTO account.role_permission (role_id, permission)
SELECT role_id, 'measure:approve' FROM account.role_permission WHERE permission = 'list:review'
ON CONFLICT DO NOTHING;
