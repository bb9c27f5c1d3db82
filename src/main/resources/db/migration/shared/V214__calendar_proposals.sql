-- H9 (gaps-review-xxv; RULES.md §10 every operation traceable, §12 supervision of working-day deadlines): a change of
-- the working calendar is a proposal — a run of days made holidays, adjusted working days or ordinary again, with the
-- notice it follows (国办发明电…) — that a second calendar:edit holder approves or rejects; only an approved proposal
-- writes shared.calendar_day. Days already past are changed only by a proposal that names its correction reason.
CREATE TABLE shared.calendar_proposal (
    id                uuid PRIMARY KEY,
    first_day         date        NOT NULL,
    last_day          date        NOT NULL,
    change            text        NOT NULL CHECK (change IN ('HOLIDAY', 'ADJUSTED_WORKDAY', 'ORDINARY')),
    holiday           text,
    source            text        NOT NULL,
    correction_reason text,
    proposed_by       text        NOT NULL,
    proposed_by_name  text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by        text,
    decided_by_name   text,
    decided_at        timestamptz,
    decision_note     text,
    CHECK (first_day <= last_day),
    CHECK (change = 'ORDINARY' OR holiday IS NOT NULL),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);

CREATE INDEX calendar_proposal_pending ON shared.calendar_proposal (proposed_at) WHERE status = 'PENDING';
