-- Gaps review xlii W1: the nightly publication move (JdbcRecords#moveDue) asks for the records shown, ACTIVE or
-- IN_DISPUTE, whose last day has passed; V9's record_publication_due holds the ACTIVE ones only, so the planner could
-- not use it and read the whole table each night (past the statement timeout at a city's size: nothing moved, records
-- stayed shown past their period, RULES.md §4). This index holds exactly the rows the move may touch.
-- CONCURRENTLY, outside a transaction (this script's .conf): records go on being written while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS record_shown_due ON creditfile.record (publication_end)
    WHERE current AND status IN ('ACTIVE', 'IN_DISPUTE')
