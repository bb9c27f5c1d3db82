-- Measures that fall on an organisation's responsible persons (review xxv H2; RULES.md §1, §7). When the defaulter is
-- a unit, 《最高人民法院关于限制被执行人高消费及有关消费的若干规定》（法释〔2015〕17号）第三条第二款 forbids its legal
-- representative, principal person in charge, directly responsible persons affecting performance and actual controller
-- the restricted consumption: a measure of its own, on its own basis. The persons are not listed themselves; a check
-- of one answers the measure as a responsible person of the listed organisation.
ALTER TABLE measures.measure
    ADD COLUMN reaches_responsible_persons boolean NOT NULL DEFAULT false,
    ADD COLUMN responsible_persons_basis   text,
    ADD CONSTRAINT measure_responsible_persons_basis
        CHECK (NOT reaches_responsible_persons OR length(btrim(responsible_persons_basis)) > 0);

-- A revision proposed keeps them too; null for one proposed before (read as not reaching them).
ALTER TABLE measures.measure_change
    ADD COLUMN reaches_responsible_persons boolean,
    ADD COLUMN responsible_persons_basis   text;

-- Versioned as the rest of what a measure reaches (V212): extended to them, it reaches only entries from its day on.
ALTER TABLE measures.measure_version
    ADD COLUMN responsible_persons boolean NOT NULL DEFAULT false;

-- The Supreme People's Court's consumption and travel restrictions, which follow court defaulters only (V113): the
-- law reached the unit's responsible persons all along, so every recorded state of them does.
UPDATE measures.measure SET reaches_responsible_persons = true,
    responsible_persons_basis = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》（法释〔2015〕17号）第三条第二款：'
        || '被执行人为单位的，被采取限制消费措施后，被执行人及其法定代表人、主要负责人、影响债务履行的直接责任人员、'
        || '实际控制人不得实施前款规定的行为；《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）'
WHERE code IN ('NO_FLIGHTS_TRAINS', 'NO_HIGH_CONSUMPTION');
UPDATE measures.measure_version SET responsible_persons = true
WHERE measure_code IN ('NO_FLIGHTS_TRAINS', 'NO_HIGH_CONSUMPTION');
