-- Gaps review xxxiii N6/N8 (session xxxv): the texts sent of the last day's notices, counted for the same page and
-- gauge as V409's, read from a partial index of the sent ones by their notice's time. CONCURRENTLY, as V409.
CREATE INDEX CONCURRENTLY IF NOT EXISTS notice_texts_sent ON account.notice (created_at) WHERE sms = 'SENT';
