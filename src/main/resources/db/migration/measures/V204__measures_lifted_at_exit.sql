-- H3 (RULES.md §7 "punishment stops at exit", §6 repair lifts the measures, issue #5 "Exit ... ends measures at
-- once"): a department that fed back a measure as applied is told when every entry the measure rested on has ended.

-- The ids of the entries the check's owed measures rested on (the answer's basedOn, this platform's entries by their
-- id, another platform's by its key): empty for a check that returned none, and for checks made before.
ALTER TABLE measures.check_made ADD COLUMN entry_ids text[] NOT NULL DEFAULT '{}';
-- The day the last of them ended, once all have: the check then owes no feedback any more (it is out of
-- feedback-owed and of the overdue figures), and feedback saying applied is lifted.
ALTER TABLE measures.check_made ADD COLUMN entries_ended_on date;
-- Only checks that rested on entries (hits) are indexed: most checks return nothing and pay nothing for it.
CREATE INDEX check_by_entry ON measures.check_made USING gin (entry_ids) WHERE cardinality(entry_ids) > 0;

-- The entries that ended, as read from listing's change feed: when, and why.
CREATE TABLE measures.entry_ended (
    entry_id     text PRIMARY KEY,
    ended_on     date NOT NULL,
    exit_reason  text
);

-- Checks whose measures a department applied and whose entries have all ended since: what it must now lift. The
-- department reads them after a position (seq) and acknowledges them.
CREATE TABLE measures.check_lifted (
    seq              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id         uuid        NOT NULL UNIQUE REFERENCES measures.check_made (id),
    department_code  text        NOT NULL,
    measure_codes    text[]      NOT NULL,
    ended_on         date        NOT NULL,
    exit_reason      text,
    lifted_at        timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);
CREATE INDEX check_lifted_by_department ON measures.check_lifted (department_code, seq);

-- Where the follower of listing's change feed stands (one row per feed), moved in the transaction of what it recorded.
CREATE TABLE measures.feed_position (
    feed      text   PRIMARY KEY,
    position  bigint NOT NULL
);
