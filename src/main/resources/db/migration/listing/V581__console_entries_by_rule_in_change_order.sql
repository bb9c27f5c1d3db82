-- Session xli (task 4, after gaps review xxxv P6 rest): the console's search of the entries one rule made (认定规则
-- filter), in the order of the latest change, from the page's key on (JdbcListing#searchStatement). A rule's entries
-- are a small share of all; without this the page walked entry_by_change and read the other entries to find it, as the
-- status, list and department filters did before V457-V459. CONCURRENTLY, outside a transaction (this script's .conf).
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_by_rule_in_change_order ON listing.entry (rule_code, change_seq);
