-- A catalogue version that shortens an item's maximum publication period or its retention period reaches the records
-- already collected under the item (RULES.md §4: after the period a record is not shown, not used; finding H5 of gaps
-- review xxv): each current record's last days become the earlier of those stored and those under the new version.
-- A lengthening reaches no record (a record keeps the ends it was collected with). The credit file passes over the
-- item's records after the approval, a chunk per transaction in record-key order, as the withdrawal of a revoked basis
-- does (V150): the pass starts in the approval's own transaction, its row moves with each chunk, so after a crash or a
-- failed chunk it goes on after the last chunk committed. Shortening to the earlier day is idempotent. No foreign key:
-- the item is the catalogue's, in its own schema.
CREATE TABLE creditfile.period_shortening_pass (
    item_code         text        NOT NULL,
    item_version      int         NOT NULL,
    after_record      uuid,                               -- the last record key passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- subjects whose records' ends moved, per chunk
    records_shortened bigint      NOT NULL DEFAULT 0,     -- records whose publication or retention end moved
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,                        -- NULL: records still to pass
    superseded        boolean     NOT NULL DEFAULT false, -- never set: passes of the item are independent (each only takes ends earlier)
    PRIMARY KEY (item_code, item_version)
);
CREATE INDEX period_shortening_pass_unfinished ON creditfile.period_shortening_pass (progressed_at)
    WHERE finished_at IS NULL;
