-- 信用等级变动通知: a notice to the subject for every change of an existing grade (issue #6: a grade change produces
-- an event that notices use), shown in self-service beside the score. A first grade is no change and has none.
CREATE TABLE scoring.grade_notice (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid        NOT NULL,
    from_grade  text        NOT NULL,
    from_label  text,
    to_grade    text,                      -- NULL: no longer scored
    to_label    text,
    at          timestamptz NOT NULL
);
CREATE INDEX grade_notice_by_subject ON scoring.grade_notice (subject_id, at);
