-- Gaps review xli V5 (the other maker-checker tables): a list rule's version is approved by someone other than the
-- person who saved it (Listing.approveRule: RULE_SELF_APPROVAL, since versions were first reviewed, V93). Its saver
-- may still reject it (Listing.rejectRule: taking one's own version back), so only an approval is checked. Versions
-- saved before V93 and the platform's own upgrades (V114) stand approved by no one. A small table: validated at once.
ALTER TABLE listing.rule
    ADD CONSTRAINT rule_four_eyes CHECK (status <> 'APPROVED' OR decided_by IS NULL OR decided_by <> changed_by);
