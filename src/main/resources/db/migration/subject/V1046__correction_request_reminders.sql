-- Reminders and escalation of 更正补充请求 (gaps review xlvi AA3 rest; PIPL Art. 46), as objections and score reviews
-- are watched (V28_1): a request whose proposal is undecided and due by the next working day is marked reminded of that
-- deadline, once (shown on the reviewers' queues); one past its deadline undecided is escalated to the credit office's
-- supervision, once.
ALTER TABLE subject.correction_request ADD COLUMN reminded_for date, ADD COLUMN escalated_at timestamptz;
