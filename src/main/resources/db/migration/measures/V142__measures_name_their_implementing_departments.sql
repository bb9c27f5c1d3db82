-- RULES.md §7: each measure of the 措施清单 has its implementing department(s) (issue #5). Until now a measure naming
-- no department applied to every department by omission: any department's check was answered it. A measure now names
-- the departments that implement it, or says explicitly that every department does (all_departments), never neither.
ALTER TABLE measures.measure ADD COLUMN all_departments boolean NOT NULL DEFAULT false;
-- The seeded measures naming none (court restrictions, awards, licensing and supervision, the incentives) rest on bases
-- that bind whichever department confers, licenses or supervises: kept for every department, now by an explicit mark
-- the credit office sees and may narrow on the measure's form (maker-checker), so no department's checks lose a measure
-- overnight. Those naming departments keep exactly those.
UPDATE measures.measure SET all_departments = true WHERE cardinality(departments) = 0;
ALTER TABLE measures.measure ALTER COLUMN all_departments DROP DEFAULT,
    ADD CONSTRAINT measure_names_its_departments CHECK (all_departments = (cardinality(departments) = 0));

-- A revision says the same: one proposed (or decided) naming no department meant every department.
ALTER TABLE measures.measure_change ADD COLUMN all_departments boolean;
UPDATE measures.measure_change SET all_departments = (cardinality(departments) = 0) WHERE kind = 'REVISION';
ALTER TABLE measures.measure_change ADD CONSTRAINT measure_change_names_its_departments
    CHECK (kind = 'SWITCH' OR all_departments IS NOT NULL);
