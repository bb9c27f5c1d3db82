-- Gaps review xli V5 (the other maker-checker tables): a change of a joint measure is approved by someone other than
-- its proposer (MeasureCatalogue.approve: MEASURE_SELF_APPROVAL, since changes were first reviewed, V94). Its proposer
-- may still reject it (MeasureCatalogue.reject: taking one's own change back), so only an approval is checked. A small
-- table: validated at once.
ALTER TABLE measures.measure_change
    ADD CONSTRAINT measure_change_four_eyes CHECK (status <> 'APPROVED' OR decided_by <> proposed_by);
