-- Submissions (module ingestion): one row per batch, keyed by the submitter's idempotency key.
CREATE SCHEMA ingestion;

CREATE TABLE ingestion.batch (
    id              uuid        PRIMARY KEY,
    department_code text        NOT NULL,
    submitted_by    text        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('API', 'FILE')),
    file_name       text,
    content_hash    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows      int,
    rows_done       int         NOT NULL DEFAULT 0,
    accepted        int         NOT NULL DEFAULT 0,
    duplicates      int         NOT NULL DEFAULT 0,
    rejected        int         NOT NULL DEFAULT 0,
    failure         text,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE INDEX batch_by_department ON ingestion.batch (department_code, started_at DESC);

-- Rejected rows with their line, field, stable code and message (the error report).
CREATE TABLE ingestion.row_error (
    batch_id uuid   NOT NULL REFERENCES ingestion.batch (id),
    line     bigint NOT NULL,
    field    text   NOT NULL,
    code     text   NOT NULL,
    message  text   NOT NULL
);
CREATE INDEX row_error_by_batch ON ingestion.row_error (batch_id, line);
