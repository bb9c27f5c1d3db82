-- A record stored not in use (RULES.md §4: only ACTIVE and IN_DISPUTE records are shown and used) leaves the packed
-- facts (V36, V44) as they were: they hold the current records in use only, so its subject need not be repacked.
-- Such records come in bulk: a department's back file of penalties whose publication already ended arrives EXPIRED
-- (the ingestion benchmark's 79,161 rows, every one of them: 1.8-2.1 s of repacking per run, nothing to pack).
--
-- An insert marks only the subjects of rows current and in use. Whatever else changes the facts still marks: a
-- previous version leaving them is an UPDATE (current = false), as is a change of state, and updates mark every
-- subject they touch, as before. A subject never packed has no row, which reads as no records in use, exactly as an
-- empty row does (RecordColumns). Item codes are numbered for every inserted row, as before.
CREATE OR REPLACE FUNCTION creditfile.mark_inserted_or_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO creditfile.subject_facts_stale (subject_id)
        SELECT DISTINCT subject_id FROM changed WHERE current AND status IN ('ACTIVE', 'IN_DISPUTE');
    ELSE
        INSERT INTO creditfile.subject_facts_stale (subject_id) SELECT DISTINCT subject_id FROM changed;
    END IF;
    INSERT INTO creditfile.packed_item (code)
    SELECT DISTINCT c.item_code FROM changed c
    WHERE NOT EXISTS (SELECT 1 FROM creditfile.packed_item i WHERE i.code = c.item_code)
    ORDER BY 1
    ON CONFLICT (code) DO NOTHING;
    RETURN NULL;
END $$;
