-- Gaps review xxxv P3 (session xxxvi): the auditor's filter by action (审计日志, 操作; "who disabled accounts last
-- month") had no index: a rare action was a walk of the whole log from its newest event. This one serves an action,
-- alone or with a period (a range of seq, audit.AuditEvents), newest first, and a group of actions ("listing.": every
-- action of the lists, K7) as a range of the key. Under the "C" collation, so that a group's range is every action
-- that starts with its prefix whatever the database's collation; the viewer's statement names the same collation.
-- One more index entry for every audited write, on the newest leaf of its action's range (a few hundred actions).
-- Built CONCURRENTLY outside a transaction (this script's .conf, N10); one statement a script.
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_action ON audit.event (action COLLATE "C", seq DESC)
