-- Administrative review or lawsuit pending against the decision behind a record (行政复议/诉讼; issue #8, RULES.md §5,
-- Shenzhen Art. 43): flagged on the record by staff, shown wherever the credit file shows, cleared when it ends.
CREATE TABLE creditfile.record_proceeding (
    id          uuid PRIMARY KEY,
    subject_id  uuid        NOT NULL,
    record_key  uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('ADMINISTRATIVE_REVIEW', 'LAWSUIT')),
    note        text        NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    flagged_by  text        NOT NULL,
    flagged_at  timestamptz NOT NULL,
    cleared_by  text,
    cleared_at  timestamptz
);
CREATE INDEX record_proceeding_subject ON creditfile.record_proceeding (subject_id) WHERE cleared_at IS NULL;
CREATE UNIQUE INDEX record_proceeding_pending ON creditfile.record_proceeding (record_key, kind) WHERE cleared_at IS NULL;
