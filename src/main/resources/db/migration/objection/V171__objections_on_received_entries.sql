-- Objections on list entries received from other platforms or loaded from the court's list (issue #9; RULES.md §5,
-- §11; review F5): such an entry binds the person here, so the person may object to it here. The case names the entry
-- by its key across platforms (source platform ":" source id), one open case per entry; while it is open the entry
-- carries this platform's dispute mark (objected), which checks show beside the issuer's own (disputed). Changing the
-- mark renumbers the row (change_seq) so that the check index reads it again.
ALTER TABLE exchange.received ADD COLUMN objected boolean NOT NULL DEFAULT false;

ALTER TABLE objection.objection ADD COLUMN received_entry text;
ALTER TABLE objection.objection DROP CONSTRAINT objection_names_what;
ALTER TABLE objection.objection ADD CONSTRAINT objection_names_what
    CHECK (num_nonnulls(record_key, entry_id, received_entry) = 1);
CREATE UNIQUE INDEX objection_open_per_received ON objection.objection (received_entry) WHERE status <> 'DECIDED';
