-- The day of the act a department's proposal by hand names (issue #5): the person's age is judged on it (RULES.md
-- §6: minors are never put on dishonesty lists), and the reviewer and the entry page show it. NULL for an entry
-- proposed from a record, judged on its record's decision date, and for entries proposed by hand before this
-- column: their act day was never stored.
ALTER TABLE listing.entry ADD COLUMN act_day date;
