-- A credit report is a repair material when the item's rule asks for one (RULES.md §6; catalogue attribute
-- repairRequirements, V191).
ALTER TABLE repair.attachment DROP CONSTRAINT attachment_kind_check;
ALTER TABLE repair.attachment ADD CONSTRAINT attachment_kind_check
    CHECK (kind IN ('PROOF', 'VOLUNTEER', 'DONATION', 'TRAINING', 'CREDIT_REPORT'));
