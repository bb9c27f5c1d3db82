-- Objections (issue #8; RULES.md §5). One open objection per record: repeats are merged into it (counted).
CREATE SCHEMA IF NOT EXISTS objection;

CREATE TABLE objection.objection (
    id              uuid PRIMARY KEY,
    subject_id      uuid        NOT NULL,
    record_key      uuid        NOT NULL,
    item_code       text        NOT NULL,
    department_code text        NOT NULL,
    reasons         text        NOT NULL CHECK (length(reasons) BETWEEN 1 AND 2000),
    filed_by        text        NOT NULL,
    filed_at        timestamptz NOT NULL,
    repeats         integer     NOT NULL DEFAULT 0,
    status          text        NOT NULL,
    due_on          date        NOT NULL,
    routed_at       timestamptz,
    department_due  date,
    outcome         text,
    outcome_reasons text,
    decided_by      text,
    decided_at      timestamptz,
    version         integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX objection_open_per_record ON objection.objection (record_key) WHERE status <> 'DECIDED';
CREATE INDEX objection_subject ON objection.objection (subject_id, filed_at DESC);
CREATE INDEX objection_open_due ON objection.objection (due_on) WHERE status <> 'DECIDED';
