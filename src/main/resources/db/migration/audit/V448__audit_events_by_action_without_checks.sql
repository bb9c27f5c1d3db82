-- Session xxxvii (issue #5, WAL per check): V417's event_by_action, without the check API's own event
-- (measures.check), which cost every audited check one more index entry and WAL record. A search for that action walks
-- the primary key instead, where at a city's size nearly every event is one, within a bounded range of positions a page
-- (audit.AuditEvents); the group measures. is this index's range for its other actions and that walk for the checks.
-- Under the "C" collation as V417. V450 drops the old index once this one is built. Built CONCURRENTLY outside a
-- transaction (this script's .conf, N10); one statement a script.
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_action_but_checks ON audit.event (action COLLATE "C", seq DESC)
    WHERE action <> 'measures.check'
