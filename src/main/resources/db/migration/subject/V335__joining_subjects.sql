-- Joining two existing credit files of one person (gaps review xxx L1 (3); 国办发〔2016〕98号 三(一): "确保个人身份识别
-- 信息的唯一性"). A person registered twice, under a 港澳居民来往内地通行证 and later a 港澳台居民居住证, or under a passport
-- and its renewal, has two subjects with records of their own: V289's further documents cannot take a number another
-- subject holds. A clerk proposes, on the page of the subject to keep, to join the other one (found by its document)
-- into it, with evidence and reason; a second person approves or rejects it (maker-checker, as V210 and V289). On
-- approval, in the one transaction, the joined subject's document becomes a further document of the kept one, the
-- modules move what they keep under the joined subject's id or pseudonym (SubjectsJoined), the audit log aliases its
-- pseudonym, and the joined subject's row goes: the approved proposal is what remains of it. The proposal keeps the
-- joined subject's id, document type, masked number and pseudonym (never the number), since its row goes.
CREATE TABLE subject.join_proposal (
    id                   uuid        PRIMARY KEY,
    subject_id           uuid        NOT NULL REFERENCES subject.subject (id),  -- the subject kept
    joined_id            uuid        NOT NULL,  -- no reference: the joined subject's row goes on approval
    joined_document_type text        NOT NULL,
    joined_masked        text        NOT NULL,
    joined_pseudonym     text        NOT NULL,
    evidence_reference   text        NOT NULL,
    reason               text        NOT NULL,
    proposed_by          text        NOT NULL,
    proposed_by_name     text        NOT NULL,
    proposed_at          timestamptz NOT NULL,
    status               text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by           text,
    decided_by_name      text,
    decided_at           timestamptz,
    decision_note        text,
    CHECK (subject_id <> joined_id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    -- Defence in depth for maker-checker: whatever the application does, nobody decides their own proposal.
    CHECK (status = 'PENDING' OR decided_by IS NOT NULL AND decided_by <> proposed_by)
);
-- One open proposal per joined subject; a subject is joined once.
CREATE UNIQUE INDEX join_proposal_one_pending ON subject.join_proposal (joined_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX join_proposal_joined_once ON subject.join_proposal (joined_id) WHERE status = 'APPROVED';
CREATE INDEX join_proposal_by_subject ON subject.join_proposal (subject_id, proposed_at);
