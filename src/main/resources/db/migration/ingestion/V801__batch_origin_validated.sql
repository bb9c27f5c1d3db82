-- Gaps review xliii X4 (session xliv): V800's check on a batch's origin, validated in a transaction of its own. VALIDATE
-- CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock: the batches go on being written while it reads the table, and every
-- row it reads holds V800's default.
ALTER TABLE ingestion.batch VALIDATE CONSTRAINT batch_origin_known;
