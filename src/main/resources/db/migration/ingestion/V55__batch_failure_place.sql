-- Why and where a batch stopped (issue #4): failure holds the reason in Chinese, shown to the clerk;
-- failure_code is its stable code and failure_line the line where the file stopped being readable.
ALTER TABLE ingestion.batch ADD COLUMN failure_code text, ADD COLUMN failure_line bigint;

-- Batches that failed before: failure was written as '<CODE> <reason>'.
UPDATE ingestion.batch SET failure_code = split_part(failure, ' ', 1),
                           failure = substr(failure, position(' ' IN failure) + 1)
WHERE failure ~ '^[A-Z][A-Z0-9_]* ';
