-- 信用惠民 offered by list as well as by grade (RULES.md §7–8: the red list brings incentives): a benefit applies to
-- the grades named or, when set, to everyone on that list in force. Benefits are edited in the console.
ALTER TABLE scoring.benefit ADD COLUMN list_condition text CHECK (list_condition IN ('RED'));
