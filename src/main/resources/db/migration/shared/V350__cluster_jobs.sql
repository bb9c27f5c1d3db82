-- Jobs that run once across the instances behind the balancer (gaps review xxxiii N5): a row per job, locked by the
-- instance that runs a day of it (shared/jdbc/ClusterJobs). A daily job marks the day it completed in the transaction
-- of its work, so a second instance at the same hour finds the day done (or the row locked) and does nothing, and the
-- next run after a missed day (every instance down at the hour) takes the missed days first. A job that runs long
-- outside one transaction (the nightly full recompute) takes its day with a claim instead: who took it and until when.
CREATE TABLE shared.cluster_job (
    job           text        PRIMARY KEY,  -- the job's name, a constant of its module ("repair.eligible")
    done_through  date,                     -- the last day (Beijing) the job ran for, or took; null: never ran
    claimed_by    text,                     -- the instance (pid@host) that ran or took that day
    claimed_at    timestamptz,              -- when it began that day
    claimed_until timestamptz,              -- a claimed run holds the day until then (null: ended, or run in a transaction)
    finished_at   timestamptz               -- when the last run ended
);
