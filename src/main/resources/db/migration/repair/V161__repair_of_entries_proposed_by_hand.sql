-- Finding #8 (RULES.md §6): a list entry a department proposed by hand rests on no record, and its notices promise
-- repair all the same. Its application names the entry instead of a record (and no item: none stands behind it), with
-- the list it is on for the pages; one open application per entry, as per record.
ALTER TABLE repair.application
    ALTER COLUMN record_key DROP NOT NULL,
    ALTER COLUMN item_code DROP NOT NULL,
    ADD COLUMN entry_id uuid,
    ADD COLUMN list_type text CHECK (list_type IN ('GREY', 'BLACK')),
    ADD CONSTRAINT application_one_target CHECK ((record_key IS NULL) <> (entry_id IS NULL)
        AND (entry_id IS NULL) = (list_type IS NULL) AND (record_key IS NULL) = (item_code IS NULL));
CREATE UNIQUE INDEX application_open_per_entry ON repair.application (entry_id)
    WHERE status IN ('APPLIED', 'PROPOSED');
