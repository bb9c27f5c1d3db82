-- N9 (gaps review xxxiii; RULES.md §9 query logs kept at least 10 years): a check row holds what its query log must
-- (time, caller, department, purpose, the measures returned) beyond what its audit event holds, and goes when that
-- event's content does; checks still owing feedback or a lift stay. Pruned nightly, a chunk of checks per transaction
-- (shared/jdbc/ResumablePasses): a pass per day, its row moving with each chunk, claimed FOR UPDATE SKIP LOCKED so
-- that two instances never prune the same chunk and a stopped pass goes on where its last chunk committed.
CREATE TABLE measures.check_retention_pass (
    code              text        NOT NULL,           -- what is pruned ('check_made')
    day               int         NOT NULL,           -- the pass's day (days since 1970-01-01, in the city's zone)
    cutoff            timestamptz NOT NULL,           -- checks made before it are past their period
    after_at          timestamptz,                    -- the time of the last check passed; NULL: none yet
    after_record      uuid,                           -- the last check passed (with after_at); NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0, -- checks read (past the cutoff)
    holders_evaluated bigint      NOT NULL DEFAULT 0, -- of them, checks deleted (the others still owe something)
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,
    superseded        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (code, day)
);
