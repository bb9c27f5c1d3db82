-- An entry ended by a decision about it (removed by hand, an objection against it upheld, repaired) stands for its
-- record, as a rejection does: the same record, still shown, does not propose it again at the next evaluation.
-- Entries ended because their record stopped being shown, or their validity ran out, are not decisions of that kind.
ALTER TABLE listing.entry ADD COLUMN exit_decided boolean NOT NULL DEFAULT false;
