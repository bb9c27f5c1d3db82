-- Gaps review xxxv P9 (session xxxvi): the messages partners refused and that wait set aside, counted per partner on
-- the exchange page and listed the latest first, from a partial index of those rows only. CONCURRENTLY, as V434.
CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_set_aside ON exchange.outbox (partner_code, refused_at DESC)
    WHERE acked_at IS NULL AND refused_at IS NOT NULL;
