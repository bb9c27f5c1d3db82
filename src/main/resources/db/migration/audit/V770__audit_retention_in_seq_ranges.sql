-- Gaps review xlii W2: retention emptied the events past their period (RULES.md §10) in one UPDATE per category over
-- every event before the cutoff; the block-range index on the time returns every block before it, emptied or not, so
-- each night read the whole log and, past the pool's statement timeout, stopped for good. The pass now walks the log
-- by position (seq, the primary key), a range per transaction (audit.AuditRetention), from where the last night
-- stopped; where it stands is kept here.
--
-- Append-only, as everything in this schema (V376: the runtime role may only read and append): each chunk of the pass
-- appends the category's next mark (n + 1), in the transaction of its emptying, so a pass stopped by a crash or a
-- timeout goes on from the last chunk committed, and two instances appending the same n cannot both commit a chunk.
-- About 200 rows a category a night at a city's rate (10,000 events a chunk): kept, they are the pass's own record.
CREATE TABLE audit.retention_mark (
    category          text        NOT NULL CHECK (category IN ('SECURITY', 'PROCESSING', 'QUERY')),
    n                 bigint      NOT NULL CHECK (n >= 1),          -- the category's marks in order
    walked_through    bigint      NOT NULL CHECK (walked_through >= -1),    -- every event of the category up to it
                                                                            -- is emptied
    rechecked_through bigint      NOT NULL CHECK (rechecked_through >= -1), -- every event up to it was looked at
                                                                            -- once after it was written
    cutoff            timestamptz NOT NULL,                         -- events before it were past their period
    emptied           integer     NOT NULL CHECK (emptied >= 0),    -- by the chunk that appended this mark
    at                timestamptz NOT NULL,
    PRIMARY KEY (category, n)
);

-- The walk starts at the first event (events already emptied are read once, on the first night); the re-check of
-- events written out of time order starts at the end of the log as it is now: the walk reaches the older ones.
INSERT INTO audit.retention_mark (category, n, walked_through, rechecked_through, cutoff, emptied, at)
SELECT c, 1, -1, coalesce((SELECT max(seq) FROM audit.event), -1), '-infinity', 0, now()
FROM unnest(ARRAY['SECURITY', 'PROCESSING', 'QUERY']) AS c;

-- The range form of V375/V570's function: the same columns emptied, the same legal floors and the same refusal of a
-- pruning time ahead of the server's clock, but only over positions p_from_seq..p_to_seq, which the primary key
-- reaches without reading the rest of the log. The caller may name any range: nothing before its period is emptied.
-- V570's form stays for an instance of the previous release during a rolling upgrade.
CREATE FUNCTION audit.empty_past_retention(p_category text, p_from_seq bigint, p_to_seq bigint,
                                           p_before timestamptz, p_pruned_at timestamptz)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    minimum interval;
    emptied integer;
BEGIN
    minimum := CASE p_category
        WHEN 'SECURITY' THEN interval '180 days'
        WHEN 'PROCESSING' THEN interval '1096 days'
        WHEN 'QUERY' THEN interval '3653 days'
    END;
    IF minimum IS NULL THEN
        RAISE EXCEPTION 'unknown audit category %', p_category;
    END IF;
    IF p_pruned_at > clock_timestamp() + interval '5 minutes' THEN
        RAISE EXCEPTION 'audit retention runs by the database server''s clock: % is ahead of it', p_pruned_at;
    END IF;
    IF p_before IS NULL OR p_pruned_at IS NULL OR p_before > p_pruned_at - minimum THEN
        RAISE EXCEPTION 'audit % events keep their content for at least %', p_category, minimum;
    END IF;
    IF p_from_seq IS NULL OR p_to_seq IS NULL THEN
        RAISE EXCEPTION 'audit retention empties a range of positions: none given';
    END IF;
    UPDATE audit.event SET actor_id = '', actor_name = '', organisation = '', action = '',
           subject_pseudonym = NULL, purpose = NULL, legal_basis = NULL, consent_id = NULL,
           request_id = NULL, detail = NULL, pruned_at = p_pruned_at
    WHERE seq >= p_from_seq AND seq <= p_to_seq AND category = p_category AND pruned_at IS NULL AND at < p_before;
    GET DIAGNOSTICS emptied = ROW_COUNT;
    RETURN emptied;
END
$$;

REVOKE EXECUTE ON FUNCTION audit.empty_past_retention(text, bigint, bigint, timestamptz, timestamptz) FROM PUBLIC;

-- Granted as V376 grants the first form: to the runtime role when it exists and is not the migrating user.
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    IF runtime <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit.empty_past_retention(text, bigint, bigint, timestamptz, '
                       || 'timestamptz) TO %I', runtime);
    END IF;
END
$$;
