-- Gaps review xlii W5: the office sees that the background work ran, how long, how much, and that it failed. A row
-- per scheduled job (Class.method), instance (pid@host) and hour its runs began in (platform/monitoring/JobRunRecords,
-- an observation handler over every @Scheduled method): a job that runs at most hourly (the nightly jobs) has a row a
-- run; a job that runs every few seconds (the check index refresh, the outbox push) adds its runs to its hour's row,
-- written at most once a minute, not a row a run. Rows older than chengxin.jobs.run-retention (90 days) are deleted
-- nightly (JobRunRetention): at ~50 jobs, 24 hours and a few instances the table stays at a few hundred thousand rows.
CREATE TABLE shared.job_run (
    job               text        NOT NULL,
    instance          text        NOT NULL,
    hour              timestamptz NOT NULL,  -- the hour the runs began in
    runs              integer     NOT NULL CHECK (runs >= 0),   -- ended runs (a run begun and not ended: not yet)
    failures          integer     NOT NULL CHECK (failures >= 0 AND failures <= runs),
    first_started_at  timestamptz NOT NULL,
    last_started_at   timestamptz NOT NULL,
    last_ended_at     timestamptz,           -- null: the last run began and has not ended (or its instance died)
    last_failed       boolean,               -- the last ended run's outcome (null: none ended yet)
    last_duration_ms  bigint,
    max_duration_ms   bigint      NOT NULL DEFAULT 0,
    total_duration_ms bigint      NOT NULL DEFAULT 0,
    last_succeeded_at timestamptz,
    amount            bigint,                -- what the runs did, summed, where the job says (null: it does not say)
    last_failed_at    timestamptz,
    failure_class     text,                  -- the last failure's exception class
    failure_message   text,                  -- its message, identity and phone numbers masked, at most 300 characters
    PRIMARY KEY (job, instance, hour)
);

CREATE INDEX job_run_hour ON shared.job_run (hour);
