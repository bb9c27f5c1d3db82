-- Gaps review xxxv P10 (session xxxvi): 完整性校验 runs in the background (audit.VerificationRuns), one run at a time
-- across the instances (shared.cluster_job 'audit.verify'), and a run after an earlier one verifies only the events
-- since the signed checkpoint that one reached. Each finished run is kept here with its result, so that the page shows
-- the last one on every instance and the next run knows where to start. Written once at the end of its run, never
-- changed: the runtime role may only read and append in this schema (V376).
CREATE TABLE audit.verification (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_pass           boolean     NOT NULL,  -- from the first event (on request, or no earlier run reached a checkpoint)
    started_by          text        NOT NULL,  -- the auditor who asked for it
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz NOT NULL,
    from_size           bigint      NOT NULL CHECK (from_size >= 0),      -- verified from this signed checkpoint's size
    verified_size       bigint      NOT NULL CHECK (verified_size >= 0),  -- the signed checkpoint reached, intact (0: none)
    log_size            bigint      NOT NULL CHECK (log_size >= 0),       -- one past the last event read
    events_checked      bigint      NOT NULL CHECK (events_checked >= 0),
    checkpoints_checked bigint      NOT NULL CHECK (checkpoints_checked >= 0),
    intact              boolean     NOT NULL,
    findings            integer     NOT NULL CHECK (findings >= 0)
);

-- What a run found, the first hundred, in the order found: shown with the run.
CREATE TABLE audit.verification_finding (
    verification_id bigint  NOT NULL REFERENCES audit.verification (id),
    n               integer NOT NULL CHECK (n >= 0),
    kind            text    NOT NULL,
    from_seq        bigint  NOT NULL,
    to_seq          bigint  NOT NULL,
    detail          text    NOT NULL,
    PRIMARY KEY (verification_id, n)
);
