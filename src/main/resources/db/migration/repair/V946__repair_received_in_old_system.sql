-- Review X7 (session xlv): an application the old system received before the cut-over, filed here at the counter, counts
-- its feedback deadline (RULES.md §6: 10 working days from receipt) from the day the old system received it, and keeps
-- its case number there (原系统案卷号), shown on the case page. Both NULL for every other application (received on the
-- day it was filed): no default to write, no table rewrite. Both or neither.
ALTER TABLE repair.application
    ADD COLUMN received_on date,
    ADD COLUMN earlier_reference text
        CONSTRAINT application_earlier_reference_length CHECK (length(earlier_reference) BETWEEN 1 AND 64),
    ADD CONSTRAINT application_earlier_receipt_whole CHECK ((received_on IS NULL) = (earlier_reference IS NULL)),
    ADD CONSTRAINT application_received_before_filing
        CHECK (received_on <= (filed_at AT TIME ZONE 'Asia/Shanghai')::date);
