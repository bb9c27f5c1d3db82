-- What a measure reaches, since when (RULES.md §7: the prior and effective notices name the measures; review xxv H7).
-- Each approved change of a measure keeps here what the measure then reaches (its switch, lists, rules, kinds of
-- subject and scenarios) and the day from which that applies: the day after the approval. A measure reaches an entry
-- only as the state in force on the day the entry took effect and every state approved since allow, so what a change
-- adds reaches only the entries that take effect afterwards, and what it takes away reaches every entry at once.
-- The first row of each measure is the catalogue as it stands now, for every entry whenever it took effect.
CREATE TABLE measures.measure_version (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_code  text    NOT NULL REFERENCES measures.measure (code),
    -- The approved change it follows; none for the catalogue as it stood when the days began to be kept.
    change_id     uuid    REFERENCES measures.measure_change (id),
    -- The first day of effect of the entries it reaches where it adds to the state before; null with no change.
    applies_from  date,
    enabled       boolean NOT NULL,
    list_types    text[]  NOT NULL,
    rule_codes    text[]  NOT NULL,
    scenarios     text[]  NOT NULL,
    subject_kinds text[]  NOT NULL,
    CHECK ((change_id IS NULL) = (applies_from IS NULL))
);
CREATE INDEX measure_version_by_measure ON measures.measure_version (measure_code, seq);

INSERT INTO measures.measure_version (measure_code, enabled, list_types, rule_codes, scenarios, subject_kinds)
SELECT code, enabled, list_types, rule_codes, scenarios, subject_kinds FROM measures.measure ORDER BY code;
