-- Withdrawal of an item (废止) when the city revises its catalogue (issue #4): a version like any other, with the
-- definition in force unchanged, proposed by one person with the reason (change_note) and the document of the
-- revision, and approved by another. Once approved it is the active version, so the maker-checker checks of V7 and
-- V53 hold for it as for any activation; it stays in force for the records collected under the item, which keep
-- being read by it, and the item takes no new records. Nothing before it is rewritten.
ALTER TABLE catalog.item ADD COLUMN withdrawal boolean NOT NULL DEFAULT false;
ALTER TABLE catalog.item ADD COLUMN withdrawal_basis text;
ALTER TABLE catalog.item ADD CONSTRAINT item_withdrawal_reasoned
    CHECK (NOT withdrawal OR (length(btrim(coalesce(change_note, ''))) > 0
                              AND length(btrim(coalesce(withdrawal_basis, ''))) > 0));
