-- Gaps review xxxiii N6/N8 (session xxxv): the system administrator's 用户管理 page and the gauges count the notices'
-- texts given up after their last try, which read every notice ever sent without an index. This partial one holds
-- those rows only. Built CONCURRENTLY outside a transaction (this script's .conf), so notices go on being written
-- meanwhile; one statement a script (V410 has the next), as the README's 升级 asks.
CREATE INDEX CONCURRENTLY IF NOT EXISTS notice_texts_given_up ON account.notice (created_at)
    WHERE sms = 'FAILED' AND sms_due_at IS NULL;
