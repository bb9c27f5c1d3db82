-- Re-sealing under the current key version (I4; RULES.md §10, GB/T 39786-2021: keys are replaced and destroyed over
-- their life): a pass per sealed column and target key version (ReSealing), started by the security administrator
-- on 密钥管理, a chunk of rows per transaction, resumable after a crash or a stop (ResumablePasses). Each chunk reads
-- the rows sealed under another version FOR UPDATE and writes them back sealed under the target version in the same
-- transaction. Once every pass of a version has finished, their counts are audited as one processing event.
CREATE TABLE subject.resealing_pass (
    column_code       text        NOT NULL,               -- schema.table.column
    key_version       int         NOT NULL,               -- the version values are sealed under by this pass
    after_record      uuid,                               -- the last row id passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,     -- values re-sealed
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- (the same: each row read is re-sealed)
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,               -- the last chunk committed (or the start)
    finished_at       timestamptz,                        -- NULL: rows still to pass
    superseded        boolean     NOT NULL DEFAULT false, -- a pass to a later version took over
    audited_at        timestamptz,                        -- NULL: its counts are still to be recorded
    PRIMARY KEY (column_code, key_version)
);
