-- The nightly consistency report (gaps review xli V4, V8, V9): what each module's check found last, a row a check,
-- so that every instance's gauge chengxin_consistency_findings{check} shows the night's run whichever instance did it
-- (platform/monitoring/ConsistencyReport). Examples are row ids (records, scores, further documents), never a number.
CREATE TABLE shared.consistency_finding (
    check_name text        PRIMARY KEY,
    findings   bigint      NOT NULL CHECK (findings >= 0),
    examples   text[]      NOT NULL,
    counted_at timestamptz NOT NULL
);
