-- Gaps review xlvi AA2 (PIPL Art. 19, 47 ¶1 (2)): a notice (消息通知) is deleted three years after it was sent
-- (account/NoticeRetention). Pruned nightly, a chunk of notices per transaction (shared/jdbc/RetentionPasses): a pass
-- per day, its row moving with each chunk, claimed FOR UPDATE SKIP LOCKED so that two instances never prune the same
-- chunk and a stopped pass goes on where its last chunk committed.
CREATE TABLE account.notice_retention_pass (
    code              text        NOT NULL,           -- what is pruned ('notice')
    day               int         NOT NULL,           -- the pass's day (days since 1970-01-01, in the city's zone)
    cutoff            timestamptz NOT NULL,           -- notices sent before it are past their period
    after_at          timestamptz,                    -- the time of the last notice passed; NULL: none yet
    after_record      uuid,                           -- the last notice passed (with after_at); NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0, -- notices read (past the cutoff)
    holders_evaluated bigint      NOT NULL DEFAULT 0, -- of them, notices deleted
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,
    superseded        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (code, day)
);
