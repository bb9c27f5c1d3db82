-- Gaps review xlvi AA2: the nightly notice retention (account/NoticeRetention) reads the notices sent before its
-- cutoff in (time, id) order, a chunk at a time from where the last chunk stopped; without this index each chunk
-- read every notice ever sent. Built CONCURRENTLY outside a transaction (this script's .conf), so notices go on being
-- written meanwhile; one statement a script, as the README's 升级 asks (V409).
CREATE INDEX CONCURRENTLY IF NOT EXISTS notice_by_time ON account.notice (created_at, id);
