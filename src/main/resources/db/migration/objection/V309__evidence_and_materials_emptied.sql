-- Retention (gaps-review-xxxi M4; PIPL Art. 19, 47): objection evidence and repair materials are emptied once their
-- period after the case's decision ends. The row stays, with its name, type and size, and says when it was emptied,
-- so that the case still shows what was handed in (its size is kept in `size`, V311/V312). One migration for both tables: they are emptied by the same rule.
ALTER TABLE objection.evidence ALTER COLUMN content DROP NOT NULL;
ALTER TABLE objection.evidence ADD COLUMN emptied_at timestamptz;
ALTER TABLE objection.evidence ADD CONSTRAINT evidence_emptied
    CHECK ((content IS NULL) = (emptied_at IS NOT NULL));

ALTER TABLE repair.attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE repair.attachment ADD COLUMN emptied_at timestamptz;
ALTER TABLE repair.attachment ADD CONSTRAINT attachment_emptied
    CHECK ((content IS NULL) = (emptied_at IS NOT NULL));
