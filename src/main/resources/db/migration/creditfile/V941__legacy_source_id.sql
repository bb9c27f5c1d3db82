-- Gaps review xliii X3 (rest): a record a city's back-load stores (a batch marked origin=MIGRATION) may carry the old
-- platform's id of it (legacySourceId, 旧系统记录编号), under which the province holds that record already. It is kept
-- beside the record, once (the first version a back-load stores names it), so that the record's later changes are
-- sent upward naming it and the province updates its old copy instead of holding a second (docs/exchange-format.md).
-- A new table, written only by back-loads and read by the exchange per record: keyed by the record.
CREATE TABLE creditfile.legacy_source_id (
    record_key       uuid        PRIMARY KEY,
    legacy_source_id text        NOT NULL CHECK (length(legacy_source_id) BETWEEN 1 AND 100),
    batch_id         uuid        NOT NULL,
    kept_at          timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE creditfile.legacy_source_id IS 'the old platform''s id of a back-loaded record (gaps review xliii X3)';
