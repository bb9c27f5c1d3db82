-- Packed facts, second format: only the records in use (shown: ACTIVE or IN_DISPUTE, RULES.md §4 — an expired,
-- repaired, revoked or corrected record is no longer shown or used), each in 22 fixed bytes: record_key (16),
-- decision_date as days since 2000-01-01 (int4), the item's number in creditfile.packed_item (int2); big-endian.
-- The first format carried every current record with its status and item code as text, some 48 bytes a record:
-- 469 MB for the scoring benchmark's 9,800,000 records, which the full recompute reads whole and the server sends
-- through a socket every time. The state is no longer needed (all packed records are in use) and a code is two
-- bytes instead of some twenty.

-- Item codes by number: numbers are never reused or changed (rows are only added), so a packed value read at any
-- time decodes with the table read at any later time.
CREATE TABLE creditfile.packed_item (
    id   smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text     NOT NULL UNIQUE
);
INSERT INTO creditfile.packed_item (code) SELECT DISTINCT item_code FROM creditfile.record ORDER BY 1;

-- A record's item has its number before the record can be packed: numbered by the statement that stores the record,
-- in its transaction (codes in order, so that two writers adding the same new codes wait rather than deadlock).
CREATE OR REPLACE FUNCTION creditfile.mark_inserted_or_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO creditfile.subject_facts_stale (subject_id) SELECT DISTINCT subject_id FROM changed;
    INSERT INTO creditfile.packed_item (code)
    SELECT DISTINCT c.item_code FROM changed c
    WHERE NOT EXISTS (SELECT 1 FROM creditfile.packed_item i WHERE i.code = c.item_code)
    ORDER BY 1
    ON CONFLICT (code) DO NOTHING;
    RETURN NULL;
END $$;

DROP FUNCTION creditfile.packed_record(uuid, date, text, text);
CREATE FUNCTION creditfile.packed_record(record_key uuid, decision_date date, item smallint)
    RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT uuid_send(record_key) || int4send(decision_date - date '2000-01-01') || int2send(item)
$$;

CREATE OR REPLACE FUNCTION creditfile.refresh_subject_facts() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    refreshed bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('creditfile.subject_facts', 7));
    -- READ COMMITTED: the statement below takes its snapshot now, after the lock.
    WITH taken AS (DELETE FROM creditfile.subject_facts_stale RETURNING subject_id),
         subjects AS (SELECT DISTINCT subject_id FROM taken),
         packed AS (
             SELECT s.subject_id,
                    coalesce(string_agg(creditfile.packed_record(r.record_key, r.decision_date, i.id), ''::bytea),
                             ''::bytea) AS facts
             FROM subjects s
             LEFT JOIN creditfile.record r
                    ON r.subject_id = s.subject_id AND r.current AND r.status IN ('ACTIVE', 'IN_DISPUTE')
             LEFT JOIN creditfile.packed_item i ON i.code = r.item_code
             GROUP BY s.subject_id)
    INSERT INTO creditfile.subject_facts (subject_id, facts)
    SELECT subject_id, facts FROM packed ORDER BY subject_id
    ON CONFLICT (subject_id) DO UPDATE SET facts = excluded.facts;
    GET DIAGNOSTICS refreshed = ROW_COUNT;
    RETURN refreshed;
END $$;

-- Every subject repacked in the new format, in id order (V36), before anything reads it.
TRUNCATE creditfile.subject_facts;
INSERT INTO creditfile.subject_facts (subject_id, facts)
SELECT r.subject_id, string_agg(creditfile.packed_record(r.record_key, r.decision_date, i.id), ''::bytea)
FROM creditfile.record r JOIN creditfile.packed_item i ON i.code = r.item_code
WHERE r.current AND r.status IN ('ACTIVE', 'IN_DISPUTE')
GROUP BY r.subject_id
ORDER BY r.subject_id;
