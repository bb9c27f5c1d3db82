-- An approved catalogue version that changes what scoring reads of an item (its use for scoring, or the severity or
-- name of an item used) rescores every holder of the item's records: hundreds of thousands of subjects in a city.
-- They are rescored after the approval, a chunk per transaction, in record-key order, as the listing's passes run
-- (listing V60, V62): a pass's row moves with each chunk, in the chunk's transaction, so after a crash or a failed
-- chunk the pass goes on after the last chunk committed. No foreign key: the item is the catalogue's, in its own
-- schema.
CREATE TABLE scoring.item_revision_pass (
    item_code         text        NOT NULL,
    item_version      int         NOT NULL,
    after_record      uuid,                               -- the last record key passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- a holder of records in two chunks counts twice
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,               -- the last chunk committed (or the start)
    finished_at       timestamptz,                        -- NULL: holders still to rescore
    superseded        boolean     NOT NULL DEFAULT false, -- ended by a later version of the item, whose pass goes on
    PRIMARY KEY (item_code, item_version)
);
CREATE INDEX item_revision_pass_unfinished ON scoring.item_revision_pass (progressed_at) WHERE finished_at IS NULL;
