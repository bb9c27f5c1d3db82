-- Ingestion finds a chunk's subjects by blind index (JdbcSubjects#byIndexes: id, name and name source of some 2,000
-- numbers a chunk). Through subject_one_per_document each number cost an index probe and a heap page, pages of a table
-- of 10M rows in a city that no cache holds: at 1,000,000 residents the look-up read 91,556 blocks, 7.2 s of the
-- ingestion bench (session xlii). With the columns it returns in the index it is an index-only scan: on the bench's
-- database at 100,000 residents, 2,000 numbers took 3,103 buffers instead of 4,710, no heap fetch, 13-18 ms instead of
-- 28-43 ms (load 15). The unique constraint stays (its index backs ON CONFLICT and the registry's other reads); each
-- registration enters one more index entry (about 110 bytes: some 11 MB a 100,000 subjects; 20,000 inserts 1.2-1.3 s
-- against 0.9 s without it, load 15). CONCURRENTLY, outside a transaction (this script's .conf), one statement a
-- script: subjects go on being registered while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS subject_found_by_number ON subject.subject (document_type, number_index)
    INCLUDE (id, name, name_source);
