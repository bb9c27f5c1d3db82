-- The persons a rule would have proposed for the black or grey list but could not, because their birth date is
-- unknown (passports and travel permits do not carry it; RULES.md §6: nobody can show the act was an adult's), with
-- the rule and the record: the credit office's list of whose birth date to complete (issue #5). Minors are not kept:
-- their refusal stands for good. The evaluation keeps it: each evaluation replaces the evaluated persons' rows, so
-- a completed date (the entry is proposed) or a record no longer shown takes a row off. Names and numbers are kept
-- masked only, as the page shows them. No foreign keys: subjects and records are other modules'.
CREATE TABLE listing.awaiting_birth_date (
    subject_id      uuid        NOT NULL,
    list_type       text        NOT NULL CHECK (list_type IN ('GREY', 'BLACK')),
    rule_code       text        NOT NULL,
    record_key      uuid        NOT NULL,
    item_code       text        NOT NULL,
    department_code text        NOT NULL,
    decision_number text,
    decision_date   date        NOT NULL,
    masked_name     text        NOT NULL,
    document_type   text        NOT NULL,
    masked_number   text        NOT NULL,
    since           timestamptz NOT NULL,            -- first refused for want of the date
    PRIMARY KEY (subject_id, list_type, rule_code, record_key)
);
CREATE INDEX awaiting_birth_date_oldest_first ON listing.awaiting_birth_date (since, subject_id);
