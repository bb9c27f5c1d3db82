-- Review X7 (session xlv): a case the old system received before the cut-over keeps its case number there (原系统案卷号)
-- beside its day of receipt (received_on), shown on the case page, not only in the audit trail. NULL for every other
-- case: no default to write, no table rewrite. At most 64 characters, as the counter's form takes it.
ALTER TABLE objection.objection ADD COLUMN earlier_reference text
    CONSTRAINT objection_earlier_reference_length CHECK (length(earlier_reference) BETWEEN 1 AND 64);
