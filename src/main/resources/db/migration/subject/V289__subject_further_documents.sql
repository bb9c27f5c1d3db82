-- One person, one credit file, whatever document they show (gaps review xxx L1; 国办发〔2016〕98号 三(一): "确保个人身份
--识别信息的唯一性"; RULES.md §1). A person may hold further valid documents besides the one the subject was registered
-- under: a 港澳居民来往内地通行证 and later a 港澳台居民居住证, a renewed passport, a 永久居留身份证. Each is proposed by a
-- clerk with its evidence and approved by a second person (maker-checker, as name changes are, V210); once approved,
-- the registry resolves it to the same subject as the first document. The number is sealed, indexed and masked as in
-- subject.subject (V2): never in clear. A rejected proposal is kept with its reason, as V210 keeps them.
CREATE TABLE subject.further_document (
    id                 uuid        PRIMARY KEY,
    subject_id         uuid        NOT NULL REFERENCES subject.subject (id),
    document_type      text        NOT NULL,
    number_index       bytea       NOT NULL,
    number_cipher      bytea       NOT NULL,
    number_key_version smallint    NOT NULL,
    number_masked      text        NOT NULL,
    valid_from         date,
    valid_to           date,
    evidence_reference text        NOT NULL,
    reason             text        NOT NULL,
    proposed_by        text        NOT NULL,
    proposed_by_name   text        NOT NULL,
    proposed_at        timestamptz NOT NULL,
    status             text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by         text,
    decided_by_name    text,
    decided_at         timestamptz,
    decision_note      text,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    -- Defence in depth for maker-checker: whatever the application does, nobody decides their own proposal.
    CHECK (status = 'PENDING' OR decided_by IS NOT NULL AND decided_by <> proposed_by)
);
-- A document held is held by one subject: the lookups probe this index, after subject.subject's, only when that misses.
CREATE UNIQUE INDEX further_document_held ON subject.further_document (document_type, number_index)
    WHERE status = 'APPROVED';
-- One open proposal per subject: a second one waits until the first is decided.
CREATE UNIQUE INDEX further_document_one_pending ON subject.further_document (subject_id) WHERE status = 'PENDING';
CREATE INDEX further_document_by_subject ON subject.further_document (subject_id, proposed_at);
