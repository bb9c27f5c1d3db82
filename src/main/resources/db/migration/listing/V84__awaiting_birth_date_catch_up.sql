-- The persons refused a black- or grey-list entry for want of a birth date before V71 are on no list of whose date to
-- complete: an evaluation keeps the refusals it makes (V71), and those persons are evaluated again only when their
-- records change or a rule naming their items is saved (issue #5). A one-time pass started here evaluates every
-- person without a birth date again, and only those: a chunk of persons per transaction, in id order, as a rule's
-- pass evaluates its holders (V60). The pass's row moves with each chunk, in the chunk's transaction; the listing's
-- tick takes up a pass no runner moves (CatchingUpAwaitingBirthDates), so a database upgraded from before V71 lists
-- them a few minutes after its first start, without a manual step. Evaluation is idempotent: on a database that had
-- V71 from the start, the pass adds nothing. A later one-time pass is a row of another job code.
CREATE TABLE listing.catch_up_pass (
    job_code          text        NOT NULL,
    job_version       int         NOT NULL,
    after_record      uuid,                               -- the last subject id passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,     -- subjects passed
    holders_evaluated bigint      NOT NULL DEFAULT 0,
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,               -- the last chunk committed (or the start)
    finished_at       timestamptz,                        -- NULL: subjects still to evaluate
    superseded        boolean     NOT NULL DEFAULT false, -- (unused: a one-time pass has no later version)
    PRIMARY KEY (job_code, job_version)
);
-- A database with no person lacking a birth date (a new one) has nothing to catch up: its pass starts finished.
INSERT INTO listing.catch_up_pass (job_code, job_version, started_at, progressed_at, finished_at)
SELECT 'AWAITING_BIRTH_DATE', 1, now(), now(),
       CASE WHEN EXISTS (SELECT 1 FROM subject.person WHERE birth_date IS NULL) THEN NULL ELSE now() END;
