-- Gaps review xxxv P5 (session xxxvi): 行政许可公示 and 守信信息公示 browse the shown records of their items, the most
-- recently decided first; nothing indexed that order, so each first view read and sorted every current record of the
-- items. Each item's records are now read in this index's order, at most a page's worth each (JdbcRecords#shownOfItems).
-- CONCURRENTLY, outside a transaction (this script's .conf): records go on being written while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS record_shown_by_item ON creditfile.record (item_code, decision_date DESC, record_key)
    WHERE current AND status IN ('ACTIVE', 'IN_DISPUTE');
