-- The public lists publish only what the catalogue shares publicly (issue #5; RULES.md §2 sharing attribute, §10
-- public disclosure): an entry resting on a record of a 政务共享 or 授权查询 item (the seeded RED_VOLUNTEER rule lists
-- on P_VOLUNTEER_SERVICE, an authorised-query item) stays in force in checks and for its subject, but is never shown
-- on 信用公示. Set at proposal (PublicListing.publishesItem), so the public page stays one indexed query; an item later
-- no longer shared publicly withdraws the entries on it (the stricter holds, as on the disclosures page). A
-- department's proposal by hand rests on no item and stays published.
ALTER TABLE listing.entry ADD COLUMN published boolean NOT NULL DEFAULT true;

-- The entries proposed before: unpublished when the item in force, or the version their record was stored under, is
-- not shared publicly, or when the item is no longer in force at all. No new change number: checks and the exchange
-- do not read the flag.
UPDATE listing.entry e SET published = false
FROM creditfile.record r
WHERE r.record_key = e.record_key AND r.current
  AND (NOT EXISTS (SELECT 1 FROM catalog.item i
                   WHERE i.code = r.item_code AND i.status = 'ACTIVE' AND i.sharing = 'PUBLIC')
       OR EXISTS (SELECT 1 FROM catalog.item v
                  WHERE v.code = r.item_code AND v.version = r.item_version AND v.sharing <> 'PUBLIC'));

CREATE INDEX entry_public ON listing.entry (list_type, status) WHERE published;
