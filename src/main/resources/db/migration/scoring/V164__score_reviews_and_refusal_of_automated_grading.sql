-- PIPL Art. 24 (RULES.md §8): a person may ask for a decision made solely by automated means to be explained and
-- reviewed by a person, and may refuse to be judged by automated means.

-- 申请人工复核: the citizen's request, the score it is about as shown then, and the credit office's written answer.
CREATE TABLE scoring.review (
    id             uuid        PRIMARY KEY,
    subject_id     uuid        NOT NULL,
    reasons        text        NOT NULL,
    model_code     text,
    model_version  int,
    score          int,
    grade          text,
    requested_at   timestamptz NOT NULL,
    due_on         date        NOT NULL,
    outcome        text        CHECK (outcome IN ('UPHELD', 'RESCORED')),
    answer         text,
    answered_by    text,
    answered_at    timestamptz,
    CONSTRAINT review_answered_whole CHECK ((outcome IS NULL) = (answer IS NULL)
        AND (outcome IS NULL) = (answered_by IS NULL) AND (outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX review_by_subject ON scoring.review (subject_id, requested_at DESC);
CREATE INDEX review_open_by_due ON scoring.review (due_on, requested_at) WHERE outcome IS NULL;
-- One open request per person at a time: a second would only be the same question again.
CREATE UNIQUE INDEX review_one_open ON scoring.review (subject_id) WHERE outcome IS NULL;

-- The persons who refused to be judged by automated grading, from when; withdrawing the choice deletes the row (both
-- are in the audit log). Read by primary key on every benefits check.
CREATE TABLE scoring.automated_grading_refusal (
    subject_id  uuid        PRIMARY KEY,
    since       timestamptz NOT NULL
);
