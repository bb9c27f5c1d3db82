-- Since 3efc30c a subject's last-negative-record mark counts only the records in use (ACTIVE, IN_DISPUTE; RULES.md
-- §4, §6, §7), and a mark is redone when the subject's records change. A mark stored before counted expired,
-- repaired and archived records too: a subject whose only negative records are no longer in use still holds a date
-- and is denied the green channel and 容缺受理 until a record of theirs changes (issue #5). A one-time pass started
-- here marks again every subject holding a date, in pseudonym order, a chunk of marks per transaction, as the
-- catch-up of V84 does (RecheckingNegativeMarks). Marks are keyed by pseudonym, not by a uuid: the pass keeps its
-- position in a column of its own, moved in the chunk's transaction. Marking is idempotent and a mark whose date does
-- not change keeps its stamp, so the check index re-reads only the marks that change, and no record is announced
-- again to another module.
ALTER TABLE listing.catch_up_pass ADD COLUMN after_pseudonym text; -- the last mark passed (NULL: none yet)
-- A database with no dated mark (a new one) has nothing to recheck: its pass starts finished.
INSERT INTO listing.catch_up_pass (job_code, job_version, started_at, progressed_at, finished_at)
SELECT 'NEGATIVE_MARK_IN_USE', 1, now(), now(),
       CASE WHEN EXISTS (SELECT 1 FROM listing.negative_mark WHERE last_negative IS NOT NULL) THEN NULL ELSE now() END;
