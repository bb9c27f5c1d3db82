-- A record's publication and retention periods end on the corresponding day of their last month (《民法典》第二百零一条:
-- the decision day is not counted; 第二百零二条: the period ends on the corresponding day, or on the month's last day
-- when it has none; RULES.md §4). They were stored one day early, as decision + N months - 1 day: twelve months from
-- 2025-03-10 ended on 2026-03-09, and the record was taken down on the 10th instead of the 11th (DecisionDates).
--
-- The early ends are known exactly, without the catalogue: a stored end E is early when E + 1 is the decision date
-- plus a whole number of months. An end counted the lawful way never is (it falls on the decision's day of the month,
-- or the month's last day, and E + 1 would be one past it), and no other way of setting an end exists: a revocation
-- or a correction copies the end of a version counted the same way. The corrected end is E + 1.
--
-- Only what is still ahead moves, on current versions:
-- - publication_end of the records still shown (ACTIVE, IN_DISPUTE). A record already taken down (EXPIRED) stays
--   closed: at most one that expired today would be owed its last day back, and reopening it would notify, rescore and
--   relist for a single day; the closed statuses (CORRECTED, REVOKED, REPAIRED) no longer depend on the end.
-- - retention_end of every record not yet archived: archiving is still ahead and moves by a day, with no status to
--   undo. Archived records stay as they are.
-- Past versions keep the values they were stored with, as the history they are. No record_event is written: no status
-- changes.
UPDATE creditfile.record
SET publication_end = publication_end + 1
WHERE current
  AND status IN ('ACTIVE', 'IN_DISPUTE')
  AND publication_end IS NOT NULL
  AND (decision_date + make_interval(months => ((extract(year FROM publication_end + 1)
                                                 - extract(year FROM decision_date)) * 12
                                                + extract(month FROM publication_end + 1)
                                                - extract(month FROM decision_date))::int))::date
      = publication_end + 1;

UPDATE creditfile.record
SET retention_end = retention_end + 1
WHERE current
  AND status <> 'ARCHIVED'
  AND retention_end IS NOT NULL
  AND (decision_date + make_interval(years => (extract(year FROM retention_end + 1)
                                               - extract(year FROM decision_date))::int))::date
      = retention_end + 1;
