-- Gaps review xxxv P7 (session xxxvi): the listing job ends the entries past their last day every 30 s on every
-- instance (Listing#expireDue); nothing indexed the last day of the open entries, so each run read every entry ever
-- made. This partial index holds the open ones only. CONCURRENTLY, outside a transaction (this script's .conf).
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_open_by_validity ON listing.entry (valid_until)
    WHERE status NOT IN ('REJECTED', 'EXITED') AND valid_until IS NOT NULL;
