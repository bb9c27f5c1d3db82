-- Session xxxvii: V447's partial index replaces V416's event_by_actor, which every audited check paid for. Dropped
-- CONCURRENTLY outside a transaction (this script's .conf), so that audited writes go on meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS audit.event_by_actor
