-- H4 (RULES.md §10; issue #5): the department's own reference for the case a check was made for (案件号/业务流水号),
-- given per subject in a batch or with a single check, kept with the check and answered in feedback-owed and lifted
-- lists, so that the department matches answers to its cases. Null for a check made without one, and for checks
-- made before. Its text holds no resident identity number (refused before it is kept).
ALTER TABLE measures.check_made ADD COLUMN reference text CHECK (char_length(reference) <= 64);
