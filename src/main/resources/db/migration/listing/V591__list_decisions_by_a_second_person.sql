-- Gaps review xli V5 (RULES.md §7 and the platform's maker-checker, 双人复核): a list entry is decided, and an exit by
-- hand approved, by someone other than its proposer. The Java refuses it (Listing.reviewable: LIST_SELF_REVIEW, since
-- the lists' first version; ExitProposals.decidable); now the tables do too, as item_four_eyes, model_four_eyes and
-- the other proposal tables do. Entries proposed by a rule carry 'system' as their proposer and a staff member as
-- their reviewer; a proposal that lapses or an entry ended before review has no decider. NOT VALID here, checked on
-- the rows already stored by V592 without holding this statement's lock through the scan.
--
-- Not added (deviations from the review, read from every writer of the table): a ground on every BLACK entry (a
-- department's black proposal by hand before V157 and entries of a city's own black rules keep none, and a NOT VALID
-- check would refuse their later exit or change number); status-to-time checks (an entry ended while still proposed
-- has no reviewer; the tests' fixtures and ObjectionsIT move entries to EFFECTIVE directly); valid_until after the
-- start (the tests age an entry by setting its last day to yesterday).
ALTER TABLE listing.entry
    ADD CONSTRAINT entry_four_eyes CHECK (reviewed_by IS NULL OR reviewed_by <> proposed_by) NOT VALID;

ALTER TABLE listing.exit_proposal
    ADD CONSTRAINT exit_proposal_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by) NOT VALID;
