-- The identity number each rejected row was sent with, masked (RULES.md §10: 1101**********002X), so that the
-- batch's page shows the clerk which person's row it is (issue #4). Never the number in clear. Rows rejected
-- before this column existed have none.
ALTER TABLE ingestion.row_error ADD COLUMN subject_masked text;
