-- Entries a rule proposed from a record now keep the record's decision date as their act day (issue #5, RULES.md §6):
-- the check index judges a person's age on it without a look-up, where it judged those entries on the day they took
-- effect, so an act done at 17 and listed after the 18th birthday carried its measures. The entries proposed before
-- get the decision date of their record's current version. No new change number: every instance reads all entries
-- when it starts and at each reconciliation (CheckIndex), and the exchange's follower is not to send them all again.
UPDATE listing.entry e SET act_day = r.decision_date
FROM creditfile.record r
WHERE e.act_day IS NULL AND e.record_key IS NOT NULL AND r.record_key = e.record_key AND r.current;

-- Administrative review or lawsuit pending against a list entry itself (行政复议/诉讼; issue #5, RULES.md §5, Shenzhen
-- Art. 43): a listing is an administrative act of its own, flagged like a record's (creditfile.record_proceeding) by
-- the credit office, shown with the entry on its page, to the subject and in checks, and cleared with the outcome.
-- The entry keeps its effect: a pending review does not suspend it.
CREATE TABLE listing.entry_proceeding (
    id          uuid        PRIMARY KEY,
    entry_id    uuid        NOT NULL REFERENCES listing.entry (id),
    kind        text        NOT NULL CHECK (kind IN ('ADMINISTRATIVE_REVIEW', 'LAWSUIT')),
    note        text        NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    flagged_by  text        NOT NULL,
    flagged_at  timestamptz NOT NULL,
    cleared_by  text,
    cleared_at  timestamptz,
    outcome     text        CHECK (length(outcome) BETWEEN 1 AND 500),
    CHECK ((cleared_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX entry_proceeding_by_entry ON listing.entry_proceeding (entry_id);
CREATE UNIQUE INDEX entry_proceeding_pending ON listing.entry_proceeding (entry_id, kind) WHERE cleared_at IS NULL;
