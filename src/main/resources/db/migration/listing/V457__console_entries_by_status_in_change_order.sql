-- Gaps review xxxv P6 rest (session xxxvii): the console's search of the entries (名单管理) pages by key in the order of
-- the latest change (change_seq DESC, JdbcListing#searchStatement), and counts up to a bound only. Filtered by a status
-- (every status but PROPOSED, whose queue has entry_review_queue), a page is a walk of this index from the key on,
-- whatever the number of entries ever made; before, each page sorted every entry of the status and counted all of them.
-- Costs each entry's change one more index entry (entries change a few times in their life). CONCURRENTLY, outside a
-- transaction (this script's .conf), one statement a script: entries go on being written while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_by_status_in_change_order ON listing.entry (status, change_seq);
