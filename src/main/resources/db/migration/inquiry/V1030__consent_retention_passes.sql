-- Gaps review xlvi AA2, the lead's retention schedule (PIPL Art. 19, 47 ¶1 (2)-(3); RULES.md §9: the query log is kept
-- ten years; 征信业管理条例 Art. 18: the authorisation is the institution's proof of its query): a consent is deleted,
-- with the reports issued on it and the counter visits, papers and reviews that hang on it, ten years after it ended
-- (withdrawn, expired, used up or rejected), never while it is in force (inquiry/ConsentRetention, through the owner's
-- inquiry.delete_ended_consents, V1034). Pruned nightly, a chunk of consents per transaction
-- (shared/jdbc/RetentionPasses): a pass per day, its row moving with each chunk, claimed FOR UPDATE SKIP LOCKED so
-- that two instances never prune the same chunk and a stopped pass goes on where its last chunk committed.
CREATE TABLE inquiry.consent_retention_pass (
    code              text        NOT NULL,           -- what is pruned ('consent')
    day               int         NOT NULL,           -- the pass's day (days since 1970-01-01, in the city's zone)
    cutoff            timestamptz NOT NULL,           -- consents ended before it are past their period
    after_at          timestamptz,                    -- the grant time of the last consent passed; NULL: none yet
    after_record      uuid,                           -- the last consent passed (with after_at); NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0, -- consents read (granted before the cutoff)
    holders_evaluated bigint      NOT NULL DEFAULT 0, -- of them, consents deleted
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,
    superseded        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (code, day)
);
