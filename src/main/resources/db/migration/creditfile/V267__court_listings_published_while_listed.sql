-- A court defaulter's record is the court's listing itself, published as long as the court lists him (RULES.md §7;
-- 法释〔2017〕7号第一条、第二条、第十条; finding I2 of docs/gaps-review-xxvii.md): with the court's last day
-- (listing_end) not before it, without one for a defaulter able to perform and refusing (第一条第一项: no term, until the
-- court deletes the record), otherwise its class's three years (RecordPeriods.publicationEnd). Records stored before
-- were given their class's three years only, and their list entries ended with them while the court still listed the
-- person. Their own last day is counted again here; a record shown for a decision's longest period keeps that when it
-- is later. Only records still shown (ACTIVE, IN_DISPUTE) are moved: one already taken down stays down (a court that
-- still lists the person delivers the record again). Each move is a state event in the record's history, and the
-- records are left for AnnouncingMigratedChanges (V89), which tells lists, scores and the exchange a chunk at a
-- time after the start: each entry on them then takes the court's term at its subject's evaluation, with a notice of
-- the changed period giving the court's term as the reason (Listing.recheck). Running it again moves nothing: a record
-- moved has its new last day already.
WITH court AS (
    SELECT id, record_key, subject_id, item_code, status, coalesce(own_publication_end, publication_end) AS own_end,
           CASE WHEN btrim(content ->> 'listing_end') ~ '^\d{4}-\d{2}-\d{2}$'
                THEN btrim(content ->> 'listing_end')::date END AS courts_end,
           regexp_replace(coalesce(content ->> 'behaviour', ''), '\s', '', 'g') ~ '有履行能力而?拒不履行' AS without_term
    FROM creditfile.record
    WHERE current AND item_code IN ('P_COURT_DEFAULTER', 'O_COURT_DEFAULTER') AND status IN ('ACTIVE', 'IN_DISPUTE')
      AND publication_end IS NOT NULL
), counted AS (
    SELECT *, CASE WHEN courts_end IS NOT NULL THEN greatest(own_end, courts_end)
                   WHEN without_term THEN NULL
                   ELSE own_end END AS new_end
    FROM court
), moved AS (
    UPDATE creditfile.record r
    SET own_publication_end = CASE WHEN r.own_publication_end IS NULL THEN NULL ELSE c.new_end END,
        publication_end     = CASE WHEN c.new_end IS NULL THEN NULL ELSE greatest(r.publication_end, c.new_end) END
    FROM counted c
    WHERE r.id = c.id AND c.new_end IS DISTINCT FROM c.own_end
    RETURNING r.id, r.record_key, r.subject_id, r.item_code, r.status, c.own_end, c.new_end
), events AS (
    INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
    SELECT id, now(), status, status, 'system', '按人民法院决定的纳入期限公示（RULES.md §7；法释〔2017〕7号第一条、第二条）：公示截止日 '
               || own_end || ' → ' || coalesce(new_end::text, '长期（至法院删除）')
    FROM moved
)
INSERT INTO creditfile.unannounced_change (subject_id, record_key, item_code)
SELECT subject_id, record_key, item_code FROM moved;
