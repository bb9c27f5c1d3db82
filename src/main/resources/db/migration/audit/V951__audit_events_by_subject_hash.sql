-- Session xlv (issue #5, PostgreSQL's side of a check): event_by_subject (V5) keyed every event about a subject by its
-- 64-character pseudonym, an 88-byte entry that each audited check writes at a random place of the index (a check's
-- event always names its subject) — one WAL record of ~160 B a check, and an index three to four times the size it
-- needs, whose random leaves compete with the log's tail for the buffer cache as the log grows. This one keys the same
-- events by the pseudonym's 64-bit hash (hashtextextended, immutable, as hash partitioning needs it to be): a 24-byte
-- entry, which V950's statistics let the planner choose as it chose V5's. Its readers (audit.AccessHistory,
-- audit.AuditEvents) name the hash of each pseudonym they look for beside the pseudonym itself, which the heap's row
-- then confirms, so a collision of hashes costs one row read, never a wrong answer. V952 drops the old index once this
-- one is built. Built CONCURRENTLY outside a transaction (this script's .conf, N10); one statement a script (an invalid
-- index left by a failure must be dropped before a retry).
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_subject_hash ON audit.event
    (hashtextextended(subject_pseudonym, 0), seq DESC) WHERE subject_pseudonym IS NOT NULL
