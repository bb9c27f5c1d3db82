-- Gaps review xliii X4/X3 (session xliv): a batch says why it is sent, ROUTINE (a department's ordinary delivery) or
-- MIGRATION (a city's history back-loaded at its cut-over, sent only with the credit office's record:migrate). A
-- back-load's chunks are scored alike but tell nobody of the grades they move, mark the list proposals they make, and
-- are not queued to the province.
-- ingestion.batch has a row per batch ever sent, many in a city: a column with a constant default is added without
-- rewriting the table in PostgreSQL 11 and later (17 here), the default kept in the catalogue for the rows before,
-- which are all routine. The check is added NOT VALID, so this statement does not scan the table under its lock; V801
-- validates it, a scan that lets the batches be written meanwhile.
ALTER TABLE ingestion.batch ADD COLUMN origin text NOT NULL DEFAULT 'ROUTINE';
ALTER TABLE ingestion.batch ADD CONSTRAINT batch_origin_known CHECK (origin IN ('ROUTINE', 'MIGRATION')) NOT VALID;
