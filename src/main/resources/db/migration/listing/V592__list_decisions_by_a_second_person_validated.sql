-- Gaps review xli V5: V591's checks hold for every row stored before them (the Java never let a proposer decide
-- their own proposal). Validated apart, so that the scan takes only a lock that lets reads and writes go on.
ALTER TABLE listing.entry VALIDATE CONSTRAINT entry_four_eyes;
ALTER TABLE listing.exit_proposal VALIDATE CONSTRAINT exit_proposal_four_eyes;
