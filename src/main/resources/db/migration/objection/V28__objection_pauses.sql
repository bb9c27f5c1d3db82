-- Pauses of an objection (issue #8; RULES.md §5): time for testing or expert review is not counted toward its
-- deadlines; the hard ceiling of 20 days from receipt (征信业管理条例 Art. 25) holds regardless. A case's deadlines
-- count from the day it was received, kept as a date so that a review (复核) can restart them.
ALTER TABLE objection.objection ADD COLUMN received_on date;
UPDATE objection.objection SET received_on = (filed_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE objection.objection ALTER COLUMN received_on SET NOT NULL;

CREATE TABLE objection.pause (
    id           uuid PRIMARY KEY,
    objection_id uuid        NOT NULL REFERENCES objection.objection (id),
    kind         text        NOT NULL CHECK (kind IN ('TESTING', 'EXPERT_REVIEW')),
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    starts_on    date        NOT NULL,
    ends_on      date        NOT NULL CHECK (ends_on >= starts_on),
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX pause_objection ON objection.pause (objection_id, starts_on);
