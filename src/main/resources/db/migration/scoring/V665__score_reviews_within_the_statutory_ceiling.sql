-- Gaps review xli V7 (rest; RULES.md §5, §8; 征信业管理条例 Art. 25: any objection, and so a request to review a score,
-- answered within 20 days). ReviewDeadline caps a request's due day at the last working day within 20 calendar days of
-- the day it was made, and never before that day (a fortnight of rest days ends it on the day itself); the table now
-- refuses a due day outside those 20 days, as objection.objection does since V575. The day of the request is the
-- platform's day (Asia/Shanghai, as the embedded server, the daily jobs and ScoreReviews count it).
--
-- Requests made before the cap (c2f1a84b, 2026-12-07) under a configured 14 working days over 春节 or 国庆 may be due
-- beyond the ceiling, which the law never allowed: they are brought to it here, as the code would have set them.
-- A small table.
UPDATE scoring.review SET due_on = (requested_at AT TIME ZONE 'Asia/Shanghai')::date + 20
WHERE due_on > (requested_at AT TIME ZONE 'Asia/Shanghai')::date + 20;

ALTER TABLE scoring.review
    ADD CONSTRAINT review_within_the_ceiling CHECK (due_on BETWEEN (requested_at AT TIME ZONE 'Asia/Shanghai')::date
        AND (requested_at AT TIME ZONE 'Asia/Shanghai')::date + 20);
