-- Objections against a list entry (issue #8; RULES.md §5: "objects to a record or list entry"), e.g. an entry made
-- by the credit office without a record behind it: the case names the entry instead of a record; one open case per
-- entry, repeats merged as for records.
ALTER TABLE objection.objection ALTER COLUMN record_key DROP NOT NULL, ADD COLUMN entry_id uuid;
ALTER TABLE objection.objection ADD CONSTRAINT objection_names_what
    CHECK ((record_key IS NULL) <> (entry_id IS NULL));
CREATE UNIQUE INDEX objection_open_per_entry ON objection.objection (entry_id) WHERE status <> 'DECIDED';
