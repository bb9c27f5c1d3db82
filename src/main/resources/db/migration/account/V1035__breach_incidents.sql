-- 个人信息安全事件 (gaps review xlvi AA8; PIPL Art. 57: on a leak, tampering or loss of personal information, take
-- remedies at once and notify the authorities and the persons concerned of the categories of information, the cause and
-- the possible harm, the remedies taken, what the person can do to reduce the harm, and the processor's contact).
-- The security administrator records the incident (account.BreachNotices), uploads the identity numbers of the persons
-- concerned (resolved to subjects by the blind index, never kept), and another security administrator approves the
-- notice before it is sent to each person's 消息通知 and, where they have an account with a phone, by text.
--   number            the incident number shown (SI followed by six digits)
--   person_can_do     what the person can do to reduce the harm (Art. 57 ¶1 (3) second half)
--   reported_at/to    when and to which authority (履行个人信息保护职责的部门) the incident was reported
--   matched           distinct persons concerned found in the registry (= rows of breach_recipient)
--   unmatched         valid numbers of the uploads the registry holds no subject for
--   invalid           lines of the uploads that are no identity number (a header, a typing error)
--   approved_by       the staff account id that approved the notice: never the opener's (two persons, RULES.md §10)
--   notified          persons the notice has reached so far
CREATE TABLE account.breach_incident (
    id               uuid        PRIMARY KEY,
    number           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    categories       text        NOT NULL,
    cause            text        NOT NULL,
    harm             text        NOT NULL,
    remedies         text        NOT NULL,
    person_can_do    text        NOT NULL,
    contact          text        NOT NULL,
    found_at         timestamptz NOT NULL,
    reported_at      timestamptz NOT NULL,
    reported_to      text        NOT NULL,
    opened_by        text        NOT NULL,
    opened_by_name   text        NOT NULL,
    opened_at        timestamptz NOT NULL,
    matched          integer     NOT NULL DEFAULT 0 CHECK (matched >= 0),
    unmatched        integer     NOT NULL DEFAULT 0 CHECK (unmatched >= 0),
    invalid          integer     NOT NULL DEFAULT 0 CHECK (invalid >= 0),
    approved_by      text,
    approved_by_name text,
    approved_at      timestamptz,
    sent_at          timestamptz,
    notified         integer     NOT NULL DEFAULT 0 CHECK (notified >= 0 AND notified <= matched),
    CONSTRAINT breach_incident_texts_bounded CHECK (length(categories) <= 1000 AND length(cause) <= 1000
        AND length(harm) <= 1000 AND length(remedies) <= 1000 AND length(person_can_do) <= 1000
        AND length(contact) <= 1000 AND length(reported_to) <= 1000),
    CONSTRAINT breach_incident_reported_after_found CHECK (reported_at >= found_at),
    CONSTRAINT breach_incident_approved_whole CHECK ((approved_by IS NULL) = (approved_at IS NULL)
        AND (approved_by IS NULL) = (approved_by_name IS NULL)),
    -- Maker-checker (RULES.md §10): the notice goes out on a second person's approval.
    CONSTRAINT breach_incident_two_persons CHECK (approved_by IS NULL OR approved_by <> opened_by),
    CONSTRAINT breach_incident_sent_after_approval CHECK (sent_at IS NULL OR approved_at IS NOT NULL)
);

-- One row per person concerned: the key (incident, subject) is what makes the sending idempotent — a second upload of
-- the same number adds nobody, and a resend or a crash mid-send notifies only the rows not yet notified.
CREATE TABLE account.breach_recipient (
    incident_id  uuid        NOT NULL REFERENCES account.breach_incident (id),
    subject_id   uuid        NOT NULL,
    notified_at  timestamptz,
    PRIMARY KEY (incident_id, subject_id)
);
CREATE INDEX breach_recipient_unnotified ON account.breach_recipient (incident_id, subject_id)
    WHERE notified_at IS NULL;
