-- Finding G5 (gaps review xxiv): what a report carries, so that its verification can tell when it no longer matches
-- the credit file (issue #7: "whether the report is authentic and still valid"; RULES.md §4-§6: a deleted, corrected,
-- repaired or expired record is no longer used). Filled when a report is issued; a report issued before has none and
-- verifies as before (by its validity alone).

-- The records a report carries, each in the version it printed, with its last day of publication and the report's
-- validity (the listener looks up the reports still valid that carry a changed record: record_key, valid_until).
CREATE TABLE inquiry.report_record (
    report_id       uuid        NOT NULL REFERENCES inquiry.report (id),
    record_key      uuid        NOT NULL,
    version         integer     NOT NULL,
    publication_end date,
    valid_until     timestamptz NOT NULL,
    PRIMARY KEY (report_id, record_key)
);
CREATE INDEX report_record_key ON inquiry.report_record (record_key, valid_until);

-- The list entries a report carries (this platform's own), with the last day of validity it printed.
CREATE TABLE inquiry.report_entry (
    report_id   uuid NOT NULL REFERENCES inquiry.report (id),
    entry_id    uuid NOT NULL,
    valid_until date,
    PRIMARY KEY (report_id, entry_id)
);

-- A report still valid one of whose records left display or got a new version: when (the first such change) and how
-- (the record's new status — CORRECTED, REVOKED, REPAIRED, EXPIRED, ARCHIVED, DECLINED — or UPDATED: a new version).
CREATE TABLE inquiry.report_superseded (
    report_id     uuid PRIMARY KEY REFERENCES inquiry.report (id),
    superseded_at timestamptz NOT NULL,
    change        text        NOT NULL
);
