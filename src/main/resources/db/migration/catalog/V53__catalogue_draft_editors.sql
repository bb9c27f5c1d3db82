-- Maker-checker over everyone who wrote a version, not only its creator and submitter: before, whoever rewrote
-- another's draft could have it submitted by its creator and then approve their own text (四眼原则 for catalogue
-- changes, issue #4). Older versions had one writer, their creator.
ALTER TABLE catalog.item ADD COLUMN editors text[] NOT NULL DEFAULT '{}';
UPDATE catalog.item SET editors = ARRAY[created_by];
ALTER TABLE catalog.item ADD CONSTRAINT item_editor_not_checker
    CHECK (status <> 'ACTIVE' OR submitted_by = 'system' OR decided_by IS NULL OR decided_by <> ALL (editors));
