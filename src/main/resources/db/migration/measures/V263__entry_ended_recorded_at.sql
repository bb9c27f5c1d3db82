-- H3 (RULES.md §7 "punishment stops at exit"): when an end was recorded. A check answered on an entry that had
-- just ended (the check index not yet refreshed) may be stored after the follower marked the checks resting on that
-- entry; the follower looks again, for a while, at the checks resting on the entries it recorded lately.
ALTER TABLE measures.entry_ended ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX entry_ended_lately ON measures.entry_ended (recorded_at);
