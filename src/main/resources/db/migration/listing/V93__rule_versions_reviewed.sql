-- Maker-checker for list rules (issue #5): a saved rule is a pending version, in force (current) only once another
-- person holding measure:approve approves it; a rejected version is kept with its reason. At most one version of a
-- rule waits at a time. The versions saved before were in force at once: they stand as approved, by no one.
ALTER TABLE listing.rule
    ADD COLUMN status        text NOT NULL DEFAULT 'APPROVED' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    ADD COLUMN proposer_name text,
    ADD COLUMN decided_by    text,
    ADD COLUMN decider_name  text,
    ADD COLUMN decided_at    timestamptz,
    ADD COLUMN decision_note text,
    ADD CONSTRAINT rule_current_is_approved CHECK (NOT current OR status = 'APPROVED');
ALTER TABLE listing.rule ALTER COLUMN status DROP DEFAULT;
CREATE UNIQUE INDEX rule_one_pending ON listing.rule (code) WHERE status = 'PENDING';
