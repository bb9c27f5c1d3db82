-- A correction decided on an objection (更正 or 补充, RULES.md §5) is owed until its department delivers the corrected
-- version or the record leaves 异议中; once it is not owed it never is again. The deadline watch marks it settled when
-- it finds so, and from then on reads only the decisions whose correction may still be owed (Objections#watchDeadlines).
ALTER TABLE objection.objection ADD COLUMN correction_settled_at timestamptz;
CREATE INDEX objection_corrections_awaited ON objection.objection (record_key, decided_at DESC)
    WHERE status = 'DECIDED' AND outcome IN ('CORRECT', 'SUPPLEMENT') AND correction_settled_at IS NULL;
