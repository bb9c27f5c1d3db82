-- A saved rule reaches the subjects already holding shown records of its items (issue #5). At city scale a court-
-- defaulter or penalty item has hundreds of thousands of holders, so they are evaluated after the rule's commit, a
-- chunk per transaction, in record-key order. A pass's row moves with each chunk, in the chunk's transaction: after a
-- crash or a failed chunk the pass goes on after the last chunk committed, and no holder is left unevaluated.
CREATE TABLE listing.rule_reevaluation (
    rule_code         text        NOT NULL,
    rule_version      int         NOT NULL,
    after_record      uuid,                           -- the last record key passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,
    holders_evaluated bigint      NOT NULL DEFAULT 0, -- a holder of records in two chunks counts twice
    proposed          int         NOT NULL DEFAULT 0,
    ended             int         NOT NULL DEFAULT 0,
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,           -- the last chunk committed (or the start)
    finished_at       timestamptz,                    -- NULL: holders still to evaluate
    superseded        boolean     NOT NULL DEFAULT false, -- ended by a later version of the rule, whose pass goes on
    PRIMARY KEY (rule_code, rule_version),
    FOREIGN KEY (rule_code, rule_version) REFERENCES listing.rule (code, version)
);
CREATE INDEX rule_reevaluation_unfinished ON listing.rule_reevaluation (progressed_at) WHERE finished_at IS NULL;
