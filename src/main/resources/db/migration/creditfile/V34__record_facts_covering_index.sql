-- Bulk computations over whole files (the full score recompute reads some 10,000,000 records) need only a few
-- narrow columns of each current record: carried in the subject index they are read by an index-only scan instead
-- of visiting the wide rows (content, natural key, fingerprint). It replaces the plain index, which every query by
-- subject still uses; status changes already update every index (status is in partial index predicates).
CREATE INDEX record_by_subject_facts ON creditfile.record (subject_id)
    INCLUDE (status, decision_date, item_code, record_key) WHERE current;
DROP INDEX creditfile.record_by_subject;
ALTER INDEX creditfile.record_by_subject_facts RENAME TO record_by_subject;
