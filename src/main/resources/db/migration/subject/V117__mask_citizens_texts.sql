-- Citizens' texts stored before they were masked on writing (issue #5; RULES.md §10) may hold an identity number in
-- clear: a one-time pass per column masks it (MaskingStoredTexts), a chunk of rows per transaction, resumable after a
-- crash (ResumablePasses), each column lent by the module that owns it (CitizensTexts). Once every pass has finished,
-- their counts are audited as one processing event.
CREATE TABLE subject.masking_pass (
    text_code         text        NOT NULL,               -- the column, schema.table.column
    text_version      int         NOT NULL,
    after_record      uuid,                               -- the last row id passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,     -- texts read
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- texts masked
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,               -- the last chunk committed (or the start)
    finished_at       timestamptz,                        -- NULL: rows still to pass
    superseded        boolean     NOT NULL DEFAULT false, -- (unused: a one-time pass has no later version)
    audited_at        timestamptz,                        -- NULL: its counts are still to be recorded
    PRIMARY KEY (text_code, text_version)
);
-- A column without 14 digits in a row anywhere holds no number (a new database): its pass starts finished, with
-- nothing to audit.
INSERT INTO subject.masking_pass (text_code, text_version, started_at, progressed_at, finished_at, audited_at)
SELECT code, 1, now(), now(), CASE WHEN candidates THEN NULL ELSE now() END,
       CASE WHEN candidates THEN NULL ELSE now() END
FROM (VALUES
    ('objection.objection.reasons', EXISTS (SELECT 1 FROM objection.objection WHERE reasons ~ '[0-9０-９]{14}')),
    ('repair.application.performance',
     EXISTS (SELECT 1 FROM repair.application WHERE performance ~ '[0-9０-９]{14}')),
    ('inquiry.statement.text', EXISTS (SELECT 1 FROM inquiry.statement WHERE text ~ '[0-9０-９]{14}')),
    ('portal.tipoff.facts', EXISTS (SELECT 1 FROM portal.tipoff WHERE facts ~ '[0-9０-９]{14}'))
) AS t (code, candidates);
