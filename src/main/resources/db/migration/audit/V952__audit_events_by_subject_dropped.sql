-- Session xlv: V951's index of the pseudonym's hash replaces V5's event_by_subject, whose 64-character keys every
-- audited check paid for. Dropped CONCURRENTLY outside a transaction (this script's .conf), so that audited writes go
-- on meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS audit.event_by_subject
