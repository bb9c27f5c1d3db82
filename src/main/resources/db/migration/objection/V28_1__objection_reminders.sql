-- Reminders and escalation of objections (issue #8; RULES.md §5): the handler is reminded one working day before
-- the deadline (once per deadline: a moved deadline is reminded again); a case past its deadline is escalated to
-- the credit office, and stays escalated until decided.
ALTER TABLE objection.objection ADD COLUMN reminded_for date, ADD COLUMN escalated_at timestamptz;
