-- A migration that changes records' states (V88) writes past CreditFile, so no module that derives from records
-- hears of it: the lists and their measures, the scores (RULES.md §6: repair removes from lists and recomputes the
-- score) and the exchange, which forwards record states to the parent platforms (§11). Such a migration leaves
-- the records it changed here; the application takes them a chunk per transaction shortly after its start and
-- publishes for them the events CreditFile publishes for a change of state (AnnouncingMigratedChanges), so that
-- only the subjects concerned are evaluated and rescored, not everyone.
CREATE TABLE creditfile.unannounced_change (
    subject_id uuid NOT NULL,
    record_key uuid NOT NULL,
    item_code  text NOT NULL
);

-- The records V88 closed again, as their state events say.
INSERT INTO creditfile.unannounced_change (subject_id, record_key, item_code)
SELECT r.subject_id, r.record_key, r.item_code
FROM creditfile.record_event e JOIN creditfile.record r ON r.id = e.record_id
WHERE e.by_whom = 'system' AND e.reason = '纠正：更正不应恢复已修复、撤销或归档的记录';
