-- Gaps review xxxvii-api R4 (rest, session xl): the public catalogue's documents (GET /api/v1/catalog/items, an
-- item's schema.json and templates) answer Last-Modified and If-Modified-Since. changed_at is when a version last
-- changed what they say: approved, put in force, retired, its cancellation proposed, sent back or approved. Before
-- this column the job putting a version in force kept no time of its own: the effective day's start (Beijing) stands
-- for it, never later than now (a scheduled version's day is still to come).
ALTER TABLE catalog.item ADD COLUMN changed_at timestamptz;

UPDATE catalog.item
   SET changed_at = least(now(), greatest(decided_at, retired_at, cancel_proposed_at, cancelled_at,
                                          effective_from::timestamp AT TIME ZONE 'Asia/Shanghai'))
 WHERE status IN ('SCHEDULED', 'ACTIVE', 'RETIRED', 'CANCELLED');
