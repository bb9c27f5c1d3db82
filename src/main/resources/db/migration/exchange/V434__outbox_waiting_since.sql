-- Gaps review xxxv P9 (session xxxvi): each partner's waiting messages and the oldest of them (the page's 待确认 and
-- 积压时长) from a partial index of the waiting rows only, by their queueing time: the count an index-only scan of
-- what waits, the oldest the index's first entry. CONCURRENTLY outside a transaction (this script's .conf), so the
-- outbox goes on being written meanwhile; one statement a script (V435 has the next).
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_waiting_since ON exchange.outbox (partner_code, queued_at)
    WHERE acked_at IS NULL AND refused_at IS NULL;
