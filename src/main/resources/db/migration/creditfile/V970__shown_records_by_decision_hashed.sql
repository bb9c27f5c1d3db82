-- Issue #4 (session xlvi): V24_1's index of the shown records by decision document number is read by one statement
-- only, the public disclosure page's search for a number (JdbcRecords#shownWithDecisionNumber: decision_number = ?,
-- then sorted by date), which never asks for an order or a range of numbers. As a B-tree it carried each number's text
-- (some 30 bytes of CJK and digits) in a tree of three levels that every stored shown record descends; as a hash index
-- it carries a 4-byte hash code, and an insert reads the metapage and one bucket page. On the ingestion benchmark's
-- database, 2,000 shown records inserted and rolled back: about one buffer and 50-100 bytes of WAL fewer a record than
-- through the B-tree (docs/performance-log.md, session xlvi, engineer 2). The search reads the hash index as it did the
-- B-tree (DecisionNumberPlanIT). Hash indexes are WAL-logged and crash-safe since PostgreSQL 10.
-- CONCURRENTLY, outside a transaction (this script's .conf): records go on being written meanwhile; the new index is
-- built beside the old one, which is dropped after it, so the search always has one, and the name is kept.
CREATE INDEX CONCURRENTLY IF NOT EXISTS record_shown_by_decision_hashed ON creditfile.record USING hash (decision_number)
    WHERE current AND status IN ('ACTIVE', 'IN_DISPUTE');

DROP INDEX CONCURRENTLY IF EXISTS creditfile.record_shown_by_decision;

ALTER INDEX creditfile.record_shown_by_decision_hashed RENAME TO record_shown_by_decision;
