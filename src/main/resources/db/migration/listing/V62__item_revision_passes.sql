-- An approved catalogue version that makes an item negative or no longer negative changes the last-negative-record
-- marks of every holder of the item's records (the green channel, RULES.md §7): hundreds of thousands of subjects
-- in a city. They are marked again after the approval, a chunk per transaction, in record-key order, as the holders
-- of a saved rule are evaluated (V60): a pass's row moves with each chunk, in the chunk's transaction, so after a
-- crash or a failed chunk the pass goes on after the last chunk committed. No foreign key: the item is the
-- catalogue's, in its own schema.
CREATE TABLE listing.item_revision_pass (
    item_code         text        NOT NULL,
    item_version      int         NOT NULL,
    after_record      uuid,                               -- the last record key passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- a holder of records in two chunks counts twice
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,               -- the last chunk committed (or the start)
    finished_at       timestamptz,                        -- NULL: holders still to mark
    superseded        boolean     NOT NULL DEFAULT false, -- ended by a later version of the item, whose pass goes on
    PRIMARY KEY (item_code, item_version)
);
CREATE INDEX item_revision_pass_unfinished ON listing.item_revision_pass (progressed_at) WHERE finished_at IS NULL;
