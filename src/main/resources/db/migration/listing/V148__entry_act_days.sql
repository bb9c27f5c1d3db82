-- Entries a rule proposed from a record now keep the record's decision date as their act day (issue #5, RULES.md §6):
-- the check index judges a person's age on it without a look-up, where it judged those entries on the day they took
-- effect, so an act done at 17 and listed after the 18th birthday carried its measures. The entries proposed before
-- get the decision date of their record's current version. No new change number: every instance reads all entries
-- when it starts and at each reconciliation (CheckIndex), and the exchange's follower is not to send them all again.
UPDATE listing.entry e SET act_day = r.decision_date
FROM creditfile.record r
WHERE e.act_day IS NULL AND e.record_key IS NOT NULL AND r.record_key = e.record_key AND r.current;
