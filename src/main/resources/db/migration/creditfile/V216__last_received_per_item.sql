-- 部门督办 (RULES.md §12, finding H10): the last time each department delivered a record of each item, so that
-- supervision sees an item whose deliveries stopped while the department's others go on. Kept by a statement trigger
-- over the rows each insert adds (one small upsert per chunk, on every path that stores records), not by an index
-- over the whole file: a B-tree of hundreds of millions of rows would cost ingestion more than this (see V109).
-- A responsible person's copy of an organisation's record (linked_from) is not a delivery. Corrections are.
CREATE TABLE creditfile.last_received (
    department_code text        NOT NULL,
    item_code       text        NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (department_code, item_code)
);

INSERT INTO creditfile.last_received (department_code, item_code, received_at)
SELECT department_code, item_code, max(accepted_at) FROM creditfile.record WHERE linked_from IS NULL GROUP BY 1, 2;

-- Rows are upserted in key order, so two chunks of one department in parallel lock them in the same order.
CREATE FUNCTION creditfile.note_last_received() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO creditfile.last_received AS l (department_code, item_code, received_at)
    SELECT department_code, item_code, max(accepted_at) FROM received WHERE linked_from IS NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (department_code, item_code) DO UPDATE SET received_at = EXCLUDED.received_at
        WHERE l.received_at < EXCLUDED.received_at;
    RETURN NULL;
END $$;

CREATE TRIGGER record_inserted_notes_last_received AFTER INSERT ON creditfile.record
    REFERENCING NEW TABLE AS received FOR EACH STATEMENT EXECUTE FUNCTION creditfile.note_last_received();
