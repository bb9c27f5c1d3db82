-- Objections that a record is missing (信息遗漏; K8 of gaps-review-xxix; RULES.md §5: outcomes include "supplement
-- (omission)"). Such a case names no record, list entry or received entry but the catalogue item, the providing
-- department (its department_code) and what is missing, with the decision number and date when the person knows them.
-- One open omission per person, item and department: a repeat is merged into it, as for a record. The department may
-- answer that the record is to be supplemented (SUPPLEMENT); it then submits the record through collection.
ALTER TABLE objection.objection
    ADD COLUMN omission_missing         text CHECK (length(omission_missing) BETWEEN 1 AND 500),
    ADD COLUMN omission_decision_number text CHECK (length(omission_decision_number) <= 100),
    ADD COLUMN omission_decided_on      date;
ALTER TABLE objection.objection DROP CONSTRAINT objection_names_what;
ALTER TABLE objection.objection ADD CONSTRAINT objection_names_what
    CHECK (num_nonnulls(record_key, entry_id, received_entry, omission_missing) = 1);
CREATE UNIQUE INDEX objection_open_per_omission ON objection.objection (subject_id, item_code, department_code)
    WHERE omission_missing IS NOT NULL AND status <> 'DECIDED';

ALTER TABLE objection.objection DROP CONSTRAINT objection_department_answer_check;
ALTER TABLE objection.objection ADD CONSTRAINT objection_department_answer_check
    CHECK (department_answer IN ('VERIFIED', 'CORRECT', 'DELETE', 'BASIS_REVOKED', 'SUPPLEMENT'));
