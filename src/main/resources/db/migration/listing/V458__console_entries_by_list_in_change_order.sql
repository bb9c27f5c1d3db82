-- Gaps review xxxv P6 rest (session xxxvii): the console's search of one list (black, red or grey: the grey list may
-- be a small share of the entries, so a walk of all of them by change_seq would read the others to find a page), in
-- the order of the latest change, from the page's key on (JdbcListing#searchStatement). CONCURRENTLY, outside a
-- transaction (this script's .conf).
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_by_list_in_change_order ON listing.entry (list_type, change_seq);
