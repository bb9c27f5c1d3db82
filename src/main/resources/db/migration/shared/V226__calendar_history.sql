-- H9 (gaps-review-xxv; RULES.md §12 supervision of deadlines in working days): the calendar keeps its history. Every
-- change of a day (an approved proposal writing or clearing shared.calendar_day) first records the day's former state
-- (NULL kind: an ordinary day) and the instant it changed, so that the calendar as it was known at any instant can be
-- rebuilt: the supervision figures count a past deadline with the calendar known when it began, and a later
-- correction or next year's schedule does not rewrite them. Days as seeded or written before this history have no row:
-- they count as known from the start.
CREATE TABLE shared.calendar_day_change (
    id             bigserial PRIMARY KEY,
    day            date        NOT NULL,
    former_kind    text CHECK (former_kind IN ('HOLIDAY', 'ADJUSTED_WORKDAY')),
    former_holiday text,
    changed_at     timestamptz NOT NULL,
    changed_by     text        NOT NULL,
    CHECK (former_kind IS NULL OR former_holiday IS NOT NULL)
);

CREATE INDEX calendar_day_change_day ON shared.calendar_day_change (day);
