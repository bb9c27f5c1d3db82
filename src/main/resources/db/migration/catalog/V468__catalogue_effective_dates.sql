-- Gaps review xxxvii-api R4: an approved change of an item takes effect on a day the checker sets (effective_from),
-- not the moment it is approved, so that the departments whose exports it changes see it coming. Until that day the
-- approved version waits as SCHEDULED (at most one an item) and the version in force keeps validating rows; on the
-- day the catalogue's job puts it in force. Every approval gets a change number (change_seq) in the order approved:
-- the change feed (GET /api/v1/catalog/changes?since=) pages by it.
ALTER TABLE catalog.item DROP CONSTRAINT item_status_check;
ALTER TABLE catalog.item ADD CONSTRAINT item_status_check
    CHECK (status IN ('DRAFT', 'PENDING', 'SCHEDULED', 'ACTIVE', 'RETIRED', 'REJECTED', 'DISCARDED'));

ALTER TABLE catalog.item ADD COLUMN effective_from date;
ALTER TABLE catalog.item ADD COLUMN change_seq bigint;

CREATE SEQUENCE catalog.item_change_seq;

CREATE UNIQUE INDEX item_one_scheduled ON catalog.item (code) WHERE status = 'SCHEDULED';
CREATE UNIQUE INDEX item_change_number ON catalog.item (change_seq) WHERE change_seq IS NOT NULL;

-- What was in force before took effect when it was approved (Beijing days).
UPDATE catalog.item SET effective_from = (decided_at AT TIME ZONE 'Asia/Shanghai')::date
WHERE status IN ('ACTIVE', 'RETIRED') AND decided_at IS NOT NULL;

-- The changes approved so far by the credit office (not the base catalogue seeded with the release), numbered in the
-- order they were approved, so that the feed starts with the catalogue's history.
UPDATE catalog.item i SET change_seq = n.seq
FROM (SELECT id, nextval('catalog.item_change_seq') AS seq
      FROM (SELECT id FROM catalog.item
            WHERE status IN ('ACTIVE', 'RETIRED') AND decided_by IS DISTINCT FROM 'system'
            ORDER BY decided_at, code, version) ordered) n
WHERE i.id = n.id;

ALTER TABLE catalog.item ADD CONSTRAINT item_scheduled_has_date
    CHECK (status <> 'SCHEDULED' OR effective_from IS NOT NULL AND change_seq IS NOT NULL);
