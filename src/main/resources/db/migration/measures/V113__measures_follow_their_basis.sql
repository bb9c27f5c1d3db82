-- Each measure reaches only whom its legal basis names (RULES.md §7; issue #5): the kinds of subject it applies to,
-- and, where its basis names one ground of listing, the list rules whose entries it follows (empty: every rule of its
-- lists). An entry under no rule (a department's proposal, another platform's entry) carries only the measures limited
-- to no rule. Before this every measure followed every entry of its lists: a company on the market regulator's list was
-- told it could not be hired as a civil servant, and any black-listed subject was refused flights.
ALTER TABLE measures.measure
    ADD COLUMN subject_kinds text[] NOT NULL DEFAULT ARRAY['PERSON', 'ORGANISATION']
        CHECK (cardinality(subject_kinds) > 0 AND subject_kinds <@ ARRAY['PERSON', 'ORGANISATION']),
    ADD COLUMN rule_codes    text[] NOT NULL DEFAULT ARRAY[]::text[];
-- A measure added later says whom it reaches.
ALTER TABLE measures.measure ALTER COLUMN subject_kinds DROP DEFAULT, ALTER COLUMN rule_codes DROP DEFAULT;

-- Persons only: hiring into the civil service (《公务员法》第二十六条、《公务员录用规定》第十八条) and public institutions
-- (《事业单位公开招聘人员暂行规定》) and holding an office in a state-owned enterprise (《公司法》第一百七十八条) are
-- about natural persons; no organisation is hired or appointed.
UPDATE measures.measure SET subject_kinds = ARRAY['PERSON']
WHERE code IN ('NO_CIVIL_SERVICE', 'NO_PUBLIC_INSTITUTION_HIRING', 'NO_EXECUTIVE_POSITION');
-- Court defaulters only: the Supreme People's Court's restrictions of 被执行人's high consumption (法释〔2015〕17号
-- 第三条) follow the court's listing (失信被执行人), nothing else; they bind a defaulting person, and a defaulting unit
-- together with its legal representative and persons in charge (第三条第二款), so both kinds.
UPDATE measures.measure SET rule_codes = ARRAY['BLACK_COURT_DEFAULTER']
WHERE code IN ('NO_FLIGHTS_TRAINS', 'NO_HIGH_CONSUMPTION');
-- Persons only: deposit-free public services (国办发〔2016〕98号, 信用惠民) are for residents.
UPDATE measures.measure SET subject_kinds = ARRAY['PERSON'] WHERE code = 'DEPOSIT_FREE';
-- Every other measure's basis reaches persons and organisations alike, whatever the ground: bidding and procurement
-- (suppliers are 法人、其他组织或者自然人, 《政府采购法》第二十一条), funds, awards, licensing and supervision.

-- A revision says the same of the measure it would change; one waiting now is read with the measure's new values.
ALTER TABLE measures.measure_change
    ADD COLUMN subject_kinds text[],
    ADD COLUMN rule_codes    text[];
UPDATE measures.measure_change c SET subject_kinds = m.subject_kinds, rule_codes = m.rule_codes
FROM measures.measure m
WHERE m.code = c.measure_code AND c.kind = 'REVISION' AND c.status = 'PENDING';
ALTER TABLE measures.measure_change ADD CHECK (kind = 'SWITCH' OR status <> 'PENDING'
    OR subject_kinds IS NOT NULL AND rule_codes IS NOT NULL);
