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

-- The serious-dishonesty list rests only on the four grounds of 国办发〔2020〕49号 (issue #5; RULES.md §7), each with
-- its legal basis: a black-list rule version and a department's black-list proposal name one (SeriousGround), which
-- the prior notice and the entry page quote. The other lists name none.
ALTER TABLE listing.rule
    ADD COLUMN serious_ground text CHECK (serious_ground IN ('HEALTH_AND_LIFE', 'FAIR_COMPETITION_AND_SOCIAL_ORDER',
                                                             'LEGAL_OBLIGATIONS_REFUSED',
                                                             'NATIONAL_DEFENCE_OBLIGATIONS_REFUSED')),
    ADD CONSTRAINT rule_ground_black_only CHECK (serious_ground IS NULL OR list_type = 'BLACK');
ALTER TABLE listing.entry
    ADD COLUMN serious_ground text CHECK (serious_ground IN ('HEALTH_AND_LIFE', 'FAIR_COMPETITION_AND_SOCIAL_ORDER',
                                                             'LEGAL_OBLIGATIONS_REFUSED',
                                                             'NATIONAL_DEFENCE_OBLIGATIONS_REFUSED')),
    ADD CONSTRAINT entry_ground_black_only CHECK (serious_ground IS NULL OR list_type = 'BLACK');

-- The base black rules (V12, V114), every version: the ground each always rested on, recorded, not a new rule.
-- A court defaulter refuses obligations a judgment set (judicial credibility); serious tax dishonesty, the market
-- regulator's serious list and defrauding the medical-insurance fund disrupt fair competition and social order
-- (49号 names 逃税骗税 and defrauding public funds there). A black rule a city added itself gets no ground it never
-- named: it proposes no one until a new version naming one is approved (Listing.evaluate).
UPDATE listing.rule SET serious_ground = CASE code
        WHEN 'BLACK_COURT_DEFAULTER' THEN 'LEGAL_OBLIGATIONS_REFUSED'
        ELSE 'FAIR_COMPETITION_AND_SOCIAL_ORDER' END
WHERE list_type = 'BLACK'
  AND code IN ('BLACK_COURT_DEFAULTER', 'BLACK_TAX_SERIOUS', 'BLACK_SERIOUS_ILLEGAL', 'BLACK_MEDICAL_INSURANCE_FRAUD');

-- Entries a rule proposed take their version's ground; a department's black proposal by hand made before keeps none
-- (shown as not stated; still waiting, it is rejected and proposed again naming its ground).
UPDATE listing.entry e SET serious_ground = r.serious_ground
FROM listing.rule r
WHERE e.list_type = 'BLACK' AND r.code = e.rule_code AND r.version = e.rule_version AND r.serious_ground IS NOT NULL;
