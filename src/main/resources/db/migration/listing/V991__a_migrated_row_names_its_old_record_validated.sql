-- Gaps review xliii X2 (rest, session xlvi): V990's check on the old record's id, validated in a transaction of its
-- own under a SHARE UPDATE EXCLUSIVE lock (the rows written before V990 hold no id).
ALTER TABLE listing.migration_row VALIDATE CONSTRAINT migration_row_legacy_source_id_length;
