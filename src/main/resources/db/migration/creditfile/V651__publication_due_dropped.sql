-- Gaps review xlii W1: V650's record_shown_due replaces V9's record_publication_due, which no statement can use any
-- more (the only one ranging on publication_end is the move, which names both shown states) and ingestion paid for.
-- Dropped CONCURRENTLY outside a transaction (this script's .conf), so that records go on being written meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS creditfile.record_publication_due
