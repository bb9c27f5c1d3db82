-- Gaps review xli V5 (the other maker-checker tables): a change of the working-day calendar is approved or rejected by
-- someone other than its proposer (oversight.CalendarEditing.reviewable, CalendarProposal.requireSecondPerson, since
-- the proposals were made, V214). A small table: validated at once.
ALTER TABLE shared.calendar_proposal
    ADD CONSTRAINT calendar_proposal_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by);
