-- Feedback is owed for each measure a check returned because of a list entry (发起 → 响应 → 反馈), not for the
-- incentives granted for a clean record (绿色通道, 容缺受理 for three years without a negative record, RULES.md §7),
-- which nearly every licensing check returns. Until now a check left the credit office's list of feedback still owed
-- once any one of its measures had feedback, and the case figures could not tell owed hits from granted incentives.
ALTER TABLE measures.check_made ADD COLUMN owed_codes text[] NOT NULL DEFAULT '{}';
-- Checks made before: the measures of a hit are taken as owed, as they were (a red-listed subject's clean-record
-- incentives among them cannot be told apart any more).
UPDATE measures.check_made SET owed_codes = measure_codes WHERE feedback_due;
-- feedback_due now says that some owed measure still lacks feedback (the partial index then holds only those).
UPDATE measures.check_made c SET feedback_due = false
WHERE feedback_due AND NOT EXISTS (
    SELECT 1 FROM unnest(c.owed_codes) AS o(code)
    WHERE NOT EXISTS (SELECT 1 FROM measures.feedback f WHERE f.check_id = c.id AND f.measure_code = o.code));

-- Per measure and department, the hits for which feedback is owed (the rest of the hits are granted incentives).
ALTER TABLE measures.case_tally ADD COLUMN owed bigint NOT NULL DEFAULT 0 CHECK (owed >= 0);
UPDATE measures.case_tally t SET owed = s.owed
FROM (SELECT o.code, c.department_code, count(*) AS owed
      FROM measures.check_made c CROSS JOIN LATERAL unnest(c.owed_codes) AS o(code)
      GROUP BY o.code, c.department_code) s
WHERE t.measure_code = s.code AND t.department_code = s.department_code;
