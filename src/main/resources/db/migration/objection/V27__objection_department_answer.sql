-- The providing department's answer to an objection routed to it (issue #8; RULES.md §5, Henan Art. 41): verified
-- correct, should be corrected (with the corrected values), or should be deleted, always with reasons; the credit
-- office decides with it.
ALTER TABLE objection.objection
    ADD COLUMN department_answer      text CHECK (department_answer IN ('VERIFIED', 'CORRECT', 'DELETE')),
    ADD COLUMN department_corrections text CHECK (length(department_corrections) <= 2000),
    ADD COLUMN department_reasons     text CHECK (length(department_reasons) <= 2000),
    ADD COLUMN answered_by            text,
    ADD COLUMN answered_at            timestamptz;
CREATE INDEX objection_with_department ON objection.objection (department_code, department_due)
    WHERE status = 'WITH_DEPARTMENT';
