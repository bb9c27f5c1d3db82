-- Archiving takes every closed record past its retention, not only an expired one: a revoked or repaired record is
-- kept no longer than the retention allows (RULES.md §4: negative information is kept at most 5 years, then
-- archived). The partial index the nightly job reads follows its states.
DROP INDEX creditfile.record_retention_due;
CREATE INDEX record_retention_due ON creditfile.record (retention_end)
    WHERE current AND status IN ('EXPIRED', 'REPAIRED', 'REVOKED');
