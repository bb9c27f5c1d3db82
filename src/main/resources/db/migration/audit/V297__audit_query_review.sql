-- 查询审查 (finding L5; RULES.md §10 "query use registration and review", 国办发〔2016〕98号 四(一)).
-- The staff's queries about people, by time: the review counts a period's rows by staff member, department, purpose,
-- day and 案号. A partial index, so that only the staff's query events (a few thousand a day at most) pay for it, not
-- the check API's or the citizens' events, which the block-range index alone serves (V40).
CREATE INDEX event_staff_query_by_time ON audit.event (at)
    WHERE category = 'QUERY' AND actor_kind = 'STAFF' AND subject_pseudonym IS NOT NULL;

-- A review the auditor recorded: the period, how many flagged queries it saw, the conclusion, who and when. Stored in
-- the transaction of its audit event (audit.query-review), never changed.
CREATE TABLE audit.query_review (
    id              uuid        PRIMARY KEY,
    period_from     date        NOT NULL,
    period_to       date        NOT NULL CHECK (period_to >= period_from),
    flagged_queries bigint      NOT NULL CHECK (flagged_queries >= 0),
    conclusion      text        NOT NULL,
    reviewer_id     text        NOT NULL,
    reviewer_name   text        NOT NULL,
    reviewed_at     timestamptz NOT NULL
);

CREATE INDEX query_review_by_period ON audit.query_review (period_to, period_from);
