-- Typical cases (F9, RULES.md §10 and §4/§6). The reviewer who publishes a case confirms its confidentiality review
-- (保密审查: de-identified, nothing that names a person), kept with the review. A case may name the records it
-- reports: when any of them is repaired, revoked, corrected or leaves publication, the case is withdrawn.
ALTER TABLE portal.article ADD COLUMN confidentiality_reviewed boolean NOT NULL DEFAULT false;

CREATE TABLE portal.article_record (
    article_id uuid NOT NULL REFERENCES portal.article (id),
    -- The credit file's record (creditfile): its key, stable across its versions, and its subject.
    record_key      uuid NOT NULL,
    subject_id      uuid NOT NULL,
    -- The decision document number the editor named it by (public on every record shown).
    decision_number text NOT NULL,
    PRIMARY KEY (article_id, record_key)
);

CREATE INDEX article_record_by_record ON portal.article_record (record_key);
