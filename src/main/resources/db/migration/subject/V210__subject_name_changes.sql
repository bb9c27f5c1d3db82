-- A subject's name can change (gaps review xxv H6, issue #4): organisations are renamed (企业名称变更登记), people
-- change names (户籍姓名变更), and the first department to deliver may have mistyped one. A staff member proposes the
-- new name with its evidence and the day it holds from; a second person approves or rejects it (maker-checker); only an
-- approved change renames the subject, and the name it leaves is kept with its period, so that records decided under it
-- are still accepted (RULES.md §1: the number is the key, the name goes with it).
CREATE TABLE subject.name_change_proposal (
    id                 uuid        PRIMARY KEY,
    subject_id         uuid        NOT NULL REFERENCES subject.subject (id),
    former_name        text        NOT NULL,
    new_name           text        NOT NULL,
    effective_from     date        NOT NULL,
    evidence           text        NOT NULL,
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
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    -- Defence in depth for maker-checker: whatever the application does, nobody decides their own proposal.
    CHECK (status = 'PENDING' OR decided_by IS NOT NULL AND decided_by <> proposed_by)
);
-- One open proposal per subject: a second one waits until the first is decided.
CREATE UNIQUE INDEX name_change_proposal_one_pending ON subject.name_change_proposal (subject_id)
    WHERE status = 'PENDING';
CREATE INDEX name_change_proposal_by_subject ON subject.name_change_proposal (subject_id, proposed_at);

-- The names a subject went by (曾用名), each with the days it was the subject's name (valid_from null: since it was
-- registered), written only by an approved proposal.
CREATE TABLE subject.former_name (
    subject_id  uuid NOT NULL REFERENCES subject.subject (id),
    name        text NOT NULL,
    valid_from  date,
    valid_until date NOT NULL,
    proposal_id uuid NOT NULL UNIQUE REFERENCES subject.name_change_proposal (id),
    CHECK (valid_from IS NULL OR valid_from <= valid_until),
    PRIMARY KEY (subject_id, valid_until)
);
