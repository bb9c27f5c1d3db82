-- Gaps review xli V8: V640's checks proven for the records stored before them, in a migration of their own
-- (VALIDATE CONSTRAINT takes a lock that lets storing go on while it scans).
--
-- One kind of stored end is known to break them, and is corrected first: before V129, periods were counted as
-- decision + N months (years) - 1 day, so an item with a period of zero gave an end the day before its decision.
-- V129 moved such ends still ahead by a day on current versions (to E + 1, the lawful end) and left closed records
-- and past versions as stored. The same correction is applied to those now: an end exactly one day before its
-- decision becomes the decision date, which V129's count gives (decision + 0 months). No status changes (a closed
-- record stays closed, a past version past), so no record_event is written; NULL stays long-term. One scan.
-- Any other row refused holds an end that no version of the code ever counted: correct it as the owner, then start
-- again.
UPDATE creditfile.record
SET publication_end     = CASE WHEN publication_end = decision_date - 1 THEN decision_date
                               ELSE publication_end END,
    own_publication_end = CASE WHEN own_publication_end = decision_date - 1 THEN decision_date
                               ELSE own_publication_end END,
    retention_end       = CASE WHEN retention_end = decision_date - 1 THEN decision_date ELSE retention_end END
WHERE publication_end = decision_date - 1
   OR own_publication_end = decision_date - 1
   OR retention_end = decision_date - 1;

ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_publication_from_decision;
ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_own_publication_from_decision;
ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_retention_from_decision;
