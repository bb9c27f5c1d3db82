-- H3 (RULES.md §7 "punishment stops at exit", §11 "一处失信，处处受限"; issue #5 "Exit (expiry, ...) ends measures at
-- once"): an entry received from another platform ends here on the day after its last day (validUntil), even when
-- no new version of it arrives. The follower of the received feed keeps the last day of each entry in force; once
-- that day has passed in the city, the entry is recorded as ended (and the row removed: each entry ends once).
CREATE TABLE measures.received_until (
    entry_id     text PRIMARY KEY,
    valid_until  date NOT NULL
);
CREATE INDEX received_until_by_day ON measures.received_until (valid_until);

-- The entries received before this keep their last day too: the received feed is read again from its start (what
-- it records again is recorded once: ends and lifts are kept one row an entry and a check).
UPDATE measures.feed_position SET position = 0 WHERE feed = 'received';
