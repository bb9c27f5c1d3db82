-- Gaps review xxxv O3 (rest): a report's large-print form (大字版: 14 pt type, tagged as the accessible form is) is
-- rendered on request from the stored snapshot, like the tagged form (V446), and is the same bytes each time it is
-- rendered; its SM3 is kept here at its first rendering so that the verification page shows it beside the PDF's and a
-- person holding the printed-large file can check it. Null: never asked for. Kept when the report is emptied (M4), as
-- sm3 is. A nullable column without a default: no rewrite of the table.
ALTER TABLE inquiry.report ADD COLUMN large_print_sm3 text;
COMMENT ON COLUMN inquiry.report.large_print_sm3 IS 'SM3 of the large-print form, rendered on request; null until first asked for';
