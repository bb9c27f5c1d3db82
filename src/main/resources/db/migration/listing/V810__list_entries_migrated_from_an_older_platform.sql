-- Gaps review xliii X2 (RULES.md §7; README 迁移与切换): list entries decided in the system the platform replaces come
-- over with their effect and history, not as new proposals. A clerk uploads a file of them (a 迁移批次): each row is
-- checked (the subject registered, an existing rule of the list, the act, notice, service and effect days in order,
-- the validity within 3 years of the act day, no entry of the same list and rule already open) and refused with its
-- line and reason; nothing of the file is stored as an entry until another person approves the batch (maker-checker,
-- 双人复核). Then each accepted row becomes an entry EFFECTIVE since its day (EXITED when its last day is past), with
-- no prior notice issued or texted again: the old system served it, on the days the row keeps.
--
-- New objects only: listing.entry is not altered (an imported entry is one whose id a row of migration_row names).
-- No identity number is kept: a row names its subject by the registry's id and the masked number. The listing
-- schema's default privileges (V376) give the runtime and read-only roles their rights on these tables.
CREATE TABLE listing.migration_batch (
    id            uuid        PRIMARY KEY,
    file_name     text,
    digest        text        NOT NULL,              -- SM3 of the file as uploaded (hex)
    rows          int         NOT NULL CHECK (rows >= 0),
    refused       jsonb       NOT NULL,              -- [{line, code, reason}]: never a row's content
    uploaded_by   text        NOT NULL,              -- the staff user's id, which the four-eyes check compares
    uploader_name text        NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    text,
    decider_name  text,
    decided_at    timestamptz,
    decision_note text,
    stored        int,                               -- entries stored on approval
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    CONSTRAINT migration_batch_four_eyes CHECK (decided_by IS NULL OR decided_by <> uploaded_by)
);
CREATE INDEX migration_batch_latest ON listing.migration_batch (uploaded_at DESC);

-- One accepted row of a batch: what the old system decided, as the entry will carry it.
CREATE TABLE listing.migration_row (
    batch_id         uuid   NOT NULL REFERENCES listing.migration_batch (id),
    line             bigint NOT NULL,
    subject_id       uuid   NOT NULL,
    subject_kind     text   NOT NULL,
    masked_number    text   NOT NULL,
    list_type        text   NOT NULL CHECK (list_type IN ('RED', 'GREY', 'BLACK')),
    rule_code        text   NOT NULL,
    rule_version     int    NOT NULL,
    act_day          date   NOT NULL,
    effective_from   date   NOT NULL CHECK (effective_from >= act_day),
    valid_until      date   NOT NULL CHECK (valid_until >= effective_from),
    notice_issued_on date,
    notice_served_on date,
    notice_channel   text   CHECK (notice_channel IN ('SELF_SERVICE', 'SMS', 'POST', 'IN_PERSON', 'ANNOUNCEMENT')),
    department_code  text   NOT NULL,
    document_number  text   NOT NULL CHECK (length(document_number) BETWEEN 1 AND 100),
    entry_id         uuid   UNIQUE REFERENCES listing.entry (id), -- the entry stored when the batch was approved
    PRIMARY KEY (batch_id, line),
    FOREIGN KEY (rule_code, rule_version) REFERENCES listing.rule (code, version),
    CONSTRAINT migration_row_number_masked CHECK (subject_kind = 'ORGANISATION' OR strpos(masked_number, '*') > 0),
    -- NoticeServing: a notice is served on or after its issue, and the entry takes effect only once it was served.
    CONSTRAINT migration_row_notice_in_order CHECK (
        (notice_issued_on IS NULL) = (notice_served_on IS NULL) AND (notice_served_on IS NULL) = (notice_channel IS NULL)
        AND (notice_issued_on IS NULL OR act_day <= notice_issued_on AND notice_issued_on <= notice_served_on
             AND notice_served_on <= effective_from))
);
-- The rule evaluation asks, per chunk of subjects, which of their decisions came from the old system.
CREATE INDEX migration_row_by_subject ON listing.migration_row (subject_id);
