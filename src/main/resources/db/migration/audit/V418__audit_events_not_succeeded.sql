-- Gaps review xxxv P3 (session xxxvi): the auditor's filter by result (审计日志, 结果: "every refused access", "every
-- error") had no index. Refusals and errors are a small part of the log, so a partial index holds only them: a
-- successful event, nearly every one the check API writes, costs nothing more. A search for SUCCESS walks the primary
-- key, where nearly every event matches. Built CONCURRENTLY outside a transaction (this script's .conf, N10).
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_not_succeeded ON audit.event (result, seq DESC)
    WHERE result <> 'SUCCESS'
