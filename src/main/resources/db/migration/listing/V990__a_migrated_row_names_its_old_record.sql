-- Gaps review xliii X2 (rest, session xlvi): a migrated decision is linked to its back-loaded record, so that the
-- record's later revocation or repair ends the entry as it ends any entry resting on a record (listing.entry.record_key,
-- V12). The record is found by subject, the rule's items and the decision's document number; or, when the row names
-- it, by the old platform's id of the record (creditfile.legacy_source_id, V941), which a document number shared by
-- several records of one decision cannot tell apart. The row keeps that id as sent (never an identity number).
--
-- migration_row is small (one row per migrated decision, filled once at the cut-over): the column has no default and
-- is added without a rewrite; its check is added NOT VALID and validated by V991, as every check added to a table.
ALTER TABLE listing.migration_row ADD COLUMN legacy_source_id text;
ALTER TABLE listing.migration_row ADD CONSTRAINT migration_row_legacy_source_id_length
    CHECK (legacy_source_id IS NULL OR length(legacy_source_id) BETWEEN 1 AND 100) NOT VALID;
