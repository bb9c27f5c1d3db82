-- Audit events are never rewritten (their leaves are in the Merkle tree), so a passport or travel-permit holder
-- re-keyed by V73 keeps his earlier events under the old pseudonym, found through this alias. Where two holders had
-- shared the old pseudonym, its events cannot be told apart and are shown to neither.
CREATE TABLE audit.pseudonym_alias (
    pseudonym text NOT NULL,
    earlier   text NOT NULL,
    PRIMARY KEY (pseudonym, earlier)
);

INSERT INTO audit.pseudonym_alias (pseudonym, earlier)
SELECT new_pseudonym, old_pseudonym FROM subject.reindexed_subject WHERE NOT shared;
