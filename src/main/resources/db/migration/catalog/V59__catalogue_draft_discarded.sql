-- A draft its clerk gives up (放弃草稿) is kept as DISCARDED with who gave it up and why, rather than deleted or left
-- blocking the item's next change: only one version of an item may be in preparation at a time.
ALTER TABLE catalog.item DROP CONSTRAINT item_status_check;
ALTER TABLE catalog.item ADD CONSTRAINT item_status_check
    CHECK (status IN ('DRAFT', 'PENDING', 'ACTIVE', 'RETIRED', 'REJECTED', 'DISCARDED'));
