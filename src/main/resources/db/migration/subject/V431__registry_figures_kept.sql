-- Gaps review xxxv P1 (session xxxvi): the registry's figures as the home page and 工作台 show them, kept in a row
-- instead of recounting every subject and every current residence on each instance every few minutes.
--
-- The registering transactions never update the kept row (an ingestion batch registers many subjects at once, in
-- parallel transactions: one hot row would queue them all). Each statement that changes subject.subject or
-- subject.residency appends what it changed in the figures to subject.figures_change, from its own transition table
-- (statement-level triggers: one row per statement, none when nothing counted changed). RegistryFigures folds the
-- appended rows into subject.figures (JdbcRegistryFigures.fold: one statement that deletes what it sums, so a change
-- committed after the fold began is folded by the next one and none is summed twice).
--
-- A person counts as a 户籍 resident with a current HOUSEHOLD residence, as a 常住 (non-registered) resident with a
-- current HABITUAL one and no current HOUSEHOLD one, as the count this replaces did (JdbcSubjects.counts).
CREATE TABLE subject.figures (
    id            smallint    PRIMARY KEY CHECK (id = 1),
    persons       bigint      NOT NULL,
    organisations bigint      NOT NULL,
    synthetic     bigint      NOT NULL,
    household     bigint      NOT NULL,
    habitual      bigint      NOT NULL,
    counted_at    timestamptz NOT NULL
);

CREATE TABLE subject.figures_change (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    persons       bigint NOT NULL DEFAULT 0,
    organisations bigint NOT NULL DEFAULT 0,
    synthetic     bigint NOT NULL DEFAULT 0,
    household     bigint NOT NULL DEFAULT 0,
    habitual      bigint NOT NULL DEFAULT 0
);

-- The subjects a statement added (INSERT), removed (DELETE, a join of two subjects) or changed in kind or marking.
CREATE FUNCTION subject.subject_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO subject.figures_change (persons, organisations, synthetic)
        SELECT count(*) FILTER (WHERE kind = 'PERSON'), count(*) FILTER (WHERE kind = 'ORGANISATION'),
               count(*) FILTER (WHERE synthetic)
        FROM new_rows HAVING count(*) > 0;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO subject.figures_change (persons, organisations, synthetic)
        SELECT -count(*) FILTER (WHERE kind = 'PERSON'), -count(*) FILTER (WHERE kind = 'ORGANISATION'),
               -count(*) FILTER (WHERE synthetic)
        FROM old_rows HAVING count(*) > 0;
    ELSE
        INSERT INTO subject.figures_change (persons, organisations, synthetic)
        SELECT n.persons - o.persons, n.organisations - o.organisations, n.synthetic - o.synthetic
        FROM (SELECT count(*) FILTER (WHERE kind = 'PERSON') AS persons,
                     count(*) FILTER (WHERE kind = 'ORGANISATION') AS organisations,
                     count(*) FILTER (WHERE synthetic) AS synthetic FROM new_rows) n,
             (SELECT count(*) FILTER (WHERE kind = 'PERSON') AS persons,
                     count(*) FILTER (WHERE kind = 'ORGANISATION') AS organisations,
                     count(*) FILTER (WHERE synthetic) AS synthetic FROM old_rows) o
        WHERE (n.persons, n.organisations, n.synthetic) IS DISTINCT FROM (o.persons, o.organisations, o.synthetic);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER subject_figures_inserted AFTER INSERT ON subject.subject REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.subject_figures_changed();
CREATE TRIGGER subject_figures_deleted AFTER DELETE ON subject.subject REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.subject_figures_changed();
CREATE TRIGGER subject_figures_updated AFTER UPDATE ON subject.subject
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.subject_figures_changed();

-- How a statement's residences change the two resident figures: for each person it touched, whether they were and
-- are a 户籍 / 常住-only resident. Now: their current residences. Before: the same without the rows the statement
-- wrote (changed), plus the current ones it removed or changed (was_person, was_kind). Each person's residences by
-- the residency_by_person index; the statement's own rows joined by hash, not searched per row.
CREATE FUNCTION subject.residents_delta(persons uuid[], changed bigint[], was_person uuid[], was_kind text[],
                                        OUT household bigint, OUT habitual bigint) LANGUAGE sql STABLE AS $$
    WITH p AS (SELECT DISTINCT person_id FROM unnest(persons) AS person_id),
         c AS (SELECT id FROM unnest(changed) AS id),
         now_rows AS (SELECT r.id, r.person_id, r.kind FROM subject.residency r JOIN p USING (person_id)
                      WHERE r.valid_to IS NULL),
         after AS (SELECT person_id, bool_or(kind = 'HOUSEHOLD') AS h, bool_or(kind = 'HABITUAL') AS a
                   FROM now_rows GROUP BY person_id),
         before AS (SELECT person_id, bool_or(kind = 'HOUSEHOLD') AS h, bool_or(kind = 'HABITUAL') AS a
                    FROM (SELECT person_id, kind FROM now_rows WHERE id NOT IN (SELECT id FROM c)
                          UNION ALL
                          SELECT * FROM unnest(was_person, was_kind) AS w(person_id, kind)) b
                    GROUP BY person_id),
         judged AS (SELECT coalesce(af.h, false) AS h_after,
                           coalesce(af.a, false) AND NOT coalesce(af.h, false) AS a_after,
                           coalesce(bf.h, false) AS h_before,
                           coalesce(bf.a, false) AND NOT coalesce(bf.h, false) AS a_before
                    FROM p LEFT JOIN after af USING (person_id) LEFT JOIN before bf USING (person_id))
    SELECT coalesce(sum(h_after::int - h_before::int), 0), coalesce(sum(a_after::int - a_before::int), 0)
    FROM judged
$$;

CREATE FUNCTION subject.residency_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    persons    uuid[]   := '{}';
    changed    bigint[] := '{}';
    was_person uuid[]   := '{}';
    was_kind   text[]   := '{}';
    d          record;
BEGIN
    IF TG_OP <> 'DELETE' THEN
        SELECT coalesce(array_agg(id), '{}'), coalesce(array_agg(person_id), '{}') INTO changed, persons
        FROM new_rows;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT persons || coalesce(array_agg(person_id), '{}'),
               coalesce(array_agg(person_id) FILTER (WHERE valid_to IS NULL), '{}'),
               coalesce(array_agg(kind) FILTER (WHERE valid_to IS NULL), '{}')
        INTO persons, was_person, was_kind
        FROM old_rows;
    END IF;
    IF cardinality(persons) = 0 THEN
        RETURN NULL;
    END IF;
    SELECT * INTO d FROM subject.residents_delta(persons, changed, was_person, was_kind);
    IF d.household <> 0 OR d.habitual <> 0 THEN
        INSERT INTO subject.figures_change (household, habitual) VALUES (d.household, d.habitual);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER residency_figures_inserted AFTER INSERT ON subject.residency REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.residency_figures_changed();
CREATE TRIGGER residency_figures_deleted AFTER DELETE ON subject.residency REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.residency_figures_changed();
CREATE TRIGGER residency_figures_updated AFTER UPDATE ON subject.residency
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subject.residency_figures_changed();

-- Counted once here, with the triggers in place in the same transaction (nothing registers while Flyway migrates):
-- the last full count of the registry the platform makes.
INSERT INTO subject.figures (id, persons, organisations, synthetic, household, habitual, counted_at)
SELECT 1, count(*) FILTER (WHERE kind = 'PERSON'), count(*) FILTER (WHERE kind = 'ORGANISATION'),
       count(*) FILTER (WHERE synthetic),
       (SELECT count(DISTINCT person_id) FROM subject.residency WHERE kind = 'HOUSEHOLD' AND valid_to IS NULL),
       (SELECT count(DISTINCT r.person_id) FROM subject.residency r
         WHERE r.kind = 'HABITUAL' AND r.valid_to IS NULL
           AND NOT EXISTS (SELECT 1 FROM subject.residency h WHERE h.person_id = r.person_id
                           AND h.kind = 'HOUSEHOLD' AND h.valid_to IS NULL)),
       now()
FROM subject.subject;
