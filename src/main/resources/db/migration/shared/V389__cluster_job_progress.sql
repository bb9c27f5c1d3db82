-- Gaps review xxxiii N5 (rest): a claimed run (the nightly full recompute) records how far it got, so that another
-- instance takes it up where it stopped once its claim lapses (the instance died), and every instance's page shows the
-- progress stored here rather than its own memory. The running instance renews its claim with each step it records.
ALTER TABLE shared.cluster_job
    ADD COLUMN resume_after   text,    -- the job's own mark of what is done (the recompute: the last person id of the ranges done)
    ADD COLUMN progress_done  bigint,  -- how many it did so far (the recompute: persons scored)
    ADD COLUMN progress_total bigint;  -- of how many, when known
