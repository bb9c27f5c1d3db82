-- Completing a person's unknown birth date (issue #5): persons registered with a passport or a 通行证 have none, so
-- the lists refuse them (RULES.md §6) and scoring skips them. A staff member proposes the date with its evidence; a
-- second person approves or rejects it (maker-checker); only an approved date is written to subject.person.
CREATE TABLE subject.birth_date_proposal (
    id                 uuid        PRIMARY KEY,
    subject_id         uuid        NOT NULL REFERENCES subject.person (subject_id),
    birth_date         date        NOT NULL,
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
-- One open proposal per person: a second one waits until the first is decided.
CREATE UNIQUE INDEX birth_date_proposal_one_pending ON subject.birth_date_proposal (subject_id)
    WHERE status = 'PENDING';
CREATE INDEX birth_date_proposal_by_subject ON subject.birth_date_proposal (subject_id, proposed_at);
