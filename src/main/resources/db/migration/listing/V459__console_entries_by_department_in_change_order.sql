-- Gaps review xxxv P6 rest (session xxxvii): a department's operators see only their department's entries
-- (ListingConsole#departmentSeen), so every page they open is filtered by department: in the order of the latest
-- change, from the page's key on, within the department's own entries (JdbcListing#searchStatement) rather than a walk
-- of every department's. CONCURRENTLY, outside a transaction (this script's .conf).
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_by_department_in_change_order ON listing.entry (department_code, change_seq);
