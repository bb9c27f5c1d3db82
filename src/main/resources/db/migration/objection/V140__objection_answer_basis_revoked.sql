-- The providing department may answer that the decision a contested record rests on was revoked (issue #8; RULES.md
-- §5, Henan Art. 42): the notice after which the record is withdrawn within 1 working day.
ALTER TABLE objection.objection DROP CONSTRAINT objection_department_answer_check;
ALTER TABLE objection.objection ADD CONSTRAINT objection_department_answer_check
    CHECK (department_answer IN ('VERIFIED', 'CORRECT', 'DELETE', 'BASIS_REVOKED'));
