-- The corrections a department owes (objections decided as 更正 or 补充, RULES.md §5) are listed on its objection page
-- from all its such decisions, however old (Objections.correctionsOwedBy): found here without reading every case.
CREATE INDEX objection_corrections_decided ON objection.objection (department_code, record_key, decided_at DESC)
    WHERE status = 'DECIDED' AND outcome IN ('CORRECT', 'SUPPLEMENT');
