-- Gaps review xxxv O3: a report's tagged (PDF/UA) form, for a screen reader, is rendered on request from the stored
-- snapshot (the PDF issued and stored stays the untagged one, whose SM3 is sm3). The tagged form is the same bytes each
-- time it is rendered; its SM3 is kept here at its first rendering so that the verification page shows it beside the
-- PDF's, and a person or institution holding the tagged file can check it. Null: never asked for. Kept when the report
-- is emptied (M4), as sm3 is. A nullable column without a default: no rewrite of the table.
ALTER TABLE inquiry.report ADD COLUMN tagged_sm3 text;
COMMENT ON COLUMN inquiry.report.tagged_sm3 IS 'SM3 of the tagged (PDF/UA) form, rendered on request; null until first asked for';
