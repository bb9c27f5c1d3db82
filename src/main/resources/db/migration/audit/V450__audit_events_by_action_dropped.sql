-- Session xxxvii: V448's partial index replaces V417's event_by_action, which every audited check paid for. Dropped
-- CONCURRENTLY outside a transaction (this script's .conf), so that audited writes go on meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS audit.event_by_action
