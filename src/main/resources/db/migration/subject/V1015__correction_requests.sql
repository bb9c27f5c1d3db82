-- 更正补充请求 (gaps review xlvi AA3; PIPL Art. 46): a person asks the office to correct their registered name or to
-- complete their unknown birth date, online or at the window. The request becomes the proposal of the existing
-- maker-checker (a name change, a birth-date completion), decided by a reviewer with reasons; this row marks that
-- proposal as made at the person's request and keeps what the reviewer must see: how it came, the day it was received,
-- the deadline of the objection rules (RULES.md §5, working days) and the person's evidence, sealed for its row as an
-- objection's evidence is (RULES.md §10). A proposal a clerk makes on the office's own initiative has no such row.
CREATE TABLE subject.correction_request (
    id                     uuid        PRIMARY KEY,
    subject_id             uuid        NOT NULL REFERENCES subject.subject (id),
    name_proposal_id       uuid        UNIQUE REFERENCES subject.name_change_proposal (id),
    birth_date_proposal_id uuid        UNIQUE REFERENCES subject.birth_date_proposal (id),
    channel                text        NOT NULL CHECK (channel IN ('SELF_SERVICE', 'COUNTER')),
    received_on            date        NOT NULL,
    due_on                 date        NOT NULL,
    filename               text        NOT NULL,
    content_type           text        NOT NULL,
    content                bytea       NOT NULL,
    content_key_version    integer     NOT NULL,
    size                   integer     NOT NULL,
    sha256                 text        NOT NULL,
    received_at            timestamptz NOT NULL,
    -- One request is one proposal, of one field.
    CHECK ((name_proposal_id IS NULL) <> (birth_date_proposal_id IS NULL)),
    CHECK (due_on >= received_on)
);
CREATE INDEX correction_request_by_subject ON subject.correction_request (subject_id, received_at);
