-- The department's own key of each rejected row (来源记录编号), so that the error report, the API and the batch's page
-- name the row as the department's clerk finds it in the department's system (issue #4). Identity numbers within a key
-- are masked before it is stored (RULES.md §10). Rows rejected before the key was read, or before this column existed,
-- have none.
ALTER TABLE ingestion.row_error ADD COLUMN source_record_id text;
