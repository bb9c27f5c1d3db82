-- Session xxxvii (issue #5, WAL per check): V416's event_by_actor took one more index entry, one more WAL record, for
-- every audited check, the one event the check API writes (measures.check), which is most of a city's log and is kept
-- and searched in measures.check_made besides. This one holds every other event; the viewer's statement names the same
-- predicate whenever it may use it and finds the checks of an actor apart, by the primary key within a bounded range of
-- positions a page (audit.AuditEvents). V449 drops the old index once this one is built. Built CONCURRENTLY outside a
-- transaction (this script's .conf, N10); one statement a script (an invalid index left by a failure must be dropped
-- before a retry).
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_actor_but_checks ON audit.event (actor_name, seq DESC)
    WHERE action <> 'measures.check'
