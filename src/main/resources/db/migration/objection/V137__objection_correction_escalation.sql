-- A correction decided on an objection (更正 or 补充, RULES.md §5) that its department has not delivered within its 3
-- working days is escalated to the credit office, once: when, kept on the decided case (Objections#watchDeadlines).
ALTER TABLE objection.objection ADD COLUMN correction_escalated_at timestamptz;
