-- N9 (gaps review xxxiii): the retention of checks (measures.CheckRetention) and the credit office's feedback figures
-- (measures.FeedbackFigures, one period's checks) read checks by the time they were made; nothing indexed it, so
-- either scanned every check ever made. Built CONCURRENTLY (N10, the README's rule for migrations on the largest
-- tables): writes of checks go on while it is built. Flyway runs this script outside a transaction (its .conf file,
-- executeInTransaction=false), as CONCURRENTLY requires; one statement, so a failure leaves nothing half done but an
-- invalid index, which IF NOT EXISTS would then keep: the README's 升级 says to drop it before starting again.
--
-- A BRIN index, not a B-tree: checks are appended in time order, so a block range's summary finds a period's checks
-- as well, while a check's insert into the newest, unsummarised range writes nothing to it. A B-tree here cost every
-- check one more WAL record and about 13 µs of PostgreSQL at the check benchmark (session xxxiv). autosummarize lets
-- autovacuum summarise each range as it fills.
CREATE INDEX CONCURRENTLY IF NOT EXISTS check_made_by_time ON measures.check_made USING brin (at)
    WITH (autosummarize = on)
