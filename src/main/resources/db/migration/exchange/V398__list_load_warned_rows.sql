-- The rows of a national list file loaded with a note (gaps review xxv H6, session xxxv): a row naming its subject by a
-- former name (曾用名) of the day its listing was published is loaded under the subject the number names, and the
-- uploader and the reviewer are told SUBJECT_FORMER_NAME beside the rows not loaded. Shaped as `refused` (V166): line,
-- code and reason, never the row's content. Files previewed before have none.
ALTER TABLE exchange.list_load ADD COLUMN warned jsonb NOT NULL DEFAULT '[]';
