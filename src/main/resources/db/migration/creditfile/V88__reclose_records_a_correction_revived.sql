-- Before d1ca762 a department's correction (UPDATE) set every record but a disputed one back to ACTIVE, so it
-- revived a record that repair had taken out of publication and use (RULES.md §6), or that had been revoked or
-- archived (issue #4). A new version now keeps such a record closed (VersionStates.ofNext); this puts back the
-- current versions the old code revived, with a state event each, and changes nothing else.
--
-- How they are recognised: a superseded version keeps in its row the state it had when the next version replaced it
-- (only a current version changes state), and nothing but a correction ever takes a repaired, revoked or archived
-- record back to ACTIVE. So a current ACTIVE correction is revived when, going back through its versions, the first
-- that is closed or not itself a correction is closed: ofNext keeps that state through every later correction
-- (REPAIRED, REVOKED, ARCHIVED), and the version gets it back. One that is ADD or an open state breaks the chain: the
-- correction made the record active as ofNext would have. A revived record since expired by its window is closed
-- again too (out of display either way, but expired it says 公示期满 where it was repaired, and a later correction
-- could make it active once more); one disputed or decided otherwise is left as it is: what was decided since stands.
--
-- The facts packed for full computations follow by themselves: the update marks its subjects (V36).
WITH revived AS (
    SELECT c.id, c.status AS was,
           (SELECT p.status FROM creditfile.record p
            WHERE p.department_code = c.department_code AND p.source_record_id = c.source_record_id
              AND p.version < c.version AND (p.status IN ('REPAIRED', 'REVOKED', 'ARCHIVED') OR p.action <> 'UPDATE')
            ORDER BY p.version DESC LIMIT 1) AS closed
    FROM creditfile.record c
    WHERE c.current AND c.status IN ('ACTIVE', 'EXPIRED') AND c.action = 'UPDATE'),
closed AS (
    UPDATE creditfile.record r SET status = v.closed
    FROM revived v
    WHERE r.id = v.id AND v.closed IN ('REPAIRED', 'REVOKED', 'ARCHIVED')
    RETURNING r.id, v.was, v.closed)
-- Who: "system", as for every state the platform changes by itself (CreditFile.WINDOWS); such an event never
-- counts as a decision that stopped display (JdbcRecords.stoppedByDecision).
INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
SELECT id, now(), was, closed, 'system', '纠正：更正不应恢复已修复、撤销或归档的记录'
FROM closed;
