-- Gaps review xxxviii S4 (session xl): the listing.exit audit event of an end the tick makes of itself is recorded
-- after the end's commit. It is owed from that transaction on, here, until the audit log holds it: the row is deleted
-- by the audit writer in the transaction of the event (AuditedRows), so a log refusing the event or a process dying
-- between the commit and the event leaves the row, and the tick records it later, once.
-- claimed_until: the lease of whoever records it; the end's own transaction claims it for its after-commit step, a
-- tick takes it only once the lease is over.
CREATE TABLE listing.exit_event_owed (
    entry_id       uuid        PRIMARY KEY,
    owed_at        timestamptz NOT NULL,
    claimed_until  timestamptz NOT NULL
);
CREATE INDEX exit_event_owed_by_claim ON listing.exit_event_owed (claimed_until);
