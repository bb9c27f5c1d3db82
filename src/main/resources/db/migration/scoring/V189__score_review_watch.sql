-- Finding G12 (issue #8: deadlines have "reminders before the deadline, escalation after it"): a request for human
-- review of a score (PIPL Art. 24; RULES.md §8) is watched as an objection is. reminded_for: the due date the office
-- was last reminded of (once per deadline); escalated_at: when the overdue request was reported to the office's
-- supervision (once).
ALTER TABLE scoring.review ADD COLUMN reminded_for date, ADD COLUMN escalated_at timestamptz;
