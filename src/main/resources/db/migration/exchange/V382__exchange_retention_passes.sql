-- N9 (gaps review xxxiii): the outbox kept every version of every message ever acknowledged, and every inbound batch
-- id for good. Past the reconciliation window (7 days, exchange.Reconciling) and a margin, an acknowledged version
-- that a later acknowledged version of the same message to the same partner superseded is pruned (the latest stays:
-- it is what the partner holds, read by reconciliation, resends and the exits sent only for what was sent), and so
-- are the inbound batch ids (a replay of one is refused as stale by its creation time long before). A pass per day
-- and table, a chunk per transaction (shared/jdbc/ResumablePasses), claimed FOR UPDATE SKIP LOCKED.
CREATE TABLE exchange.retention_pass (
    code              text        NOT NULL,           -- 'outbox' or 'inbound_batch'
    day               int         NOT NULL,           -- the pass's day (days since 1970-01-01, in the city's zone)
    cutoff            timestamptz NOT NULL,           -- acknowledged (received) before it: past the window
    after_seq         bigint      NOT NULL DEFAULT 0, -- the outbox: the last seq passed
    after_record      uuid,                           -- unused (the passes' common shape)
    records_passed    bigint      NOT NULL DEFAULT 0, -- rows read (past the cutoff)
    holders_evaluated bigint      NOT NULL DEFAULT 0, -- of them, rows deleted
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,
    superseded        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (code, day)
);
