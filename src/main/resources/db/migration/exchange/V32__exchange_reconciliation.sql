-- Reconciliation with partners (issue #9): per partner and day, what we sent and what the partner holds from us,
-- compared by count and SM3 digest of the latest version of each message; the differences are listed.
CREATE TABLE exchange.reconciliation (
    partner_code text        NOT NULL REFERENCES exchange.partner (code),
    day          date        NOT NULL,
    ours         int         NOT NULL,
    theirs       int,                                 -- NULL: the partner could not be asked
    our_digest   text        NOT NULL,
    their_digest text,
    differences  text[]      NOT NULL DEFAULT '{}',   -- source ids missing or behind at the partner (at most 100)
    requeued     int         NOT NULL DEFAULT 0,
    error        text,
    checked_at   timestamptz NOT NULL,
    PRIMARY KEY (partner_code, day)
);
