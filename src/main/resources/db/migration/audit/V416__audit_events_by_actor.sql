-- Gaps review xxxv P3 (session xxxvi): the auditor's "everything this person or system did" (审计日志, filter 操作人)
-- had no index: the viewer walked the log back from its newest event until 201 rows matched, or to its beginning.
-- This one serves the filter alone and with a period (translated to a range of seq, audit.AuditEvents), newest first,
-- with no sort. It costs every audited write one more index entry; the leading column has few distinct values (the
-- staff, the partner systems, 平台), each write lands on the newest leaf of its actor's range, a page that stays in
-- the cache. Built CONCURRENTLY outside a transaction (this script's .conf, N10): audited writes go on meanwhile; one
-- statement a script, as the README's 升级 asks (an invalid index left by a failure must be dropped before a retry).
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_actor ON audit.event (actor_name, seq DESC)
