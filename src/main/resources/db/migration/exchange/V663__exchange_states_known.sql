-- Gaps review xli V10 (issue #9; docs/exchange-format.md). What is received is applied only once
-- ExchangeMessage.problems found nothing out of its vocabulary: a record's state or a list entry's, a list type and a
-- severity of the format, a period that does not end before it starts; a court list's file is read into the same
-- messages (CourtDefaulterFile). What is queued carries our own record's state (RecordStatus) or an entry's
-- (EFFECTIVE, EXITED: OutgoingMessages), and relays copy what was received. The tables now refuse the rest: a repair
-- script or a future writer that skips the check would otherwise leave a row every partner and page misreads.
--
-- Both tables are among the largest (MigrationRule): NOT VALID here, validated by V664 without holding this
-- statement's lock through the scan. Each CHECK is a few comparisons per written row.
ALTER TABLE exchange.received
    ADD CONSTRAINT received_kind_known CHECK (kind IN ('RECORD', 'LIST_ENTRY')) NOT VALID,
    ADD CONSTRAINT received_status_known CHECK (kind = 'RECORD' AND status IN ('ACTIVE', 'IN_DISPUTE', 'CORRECTED',
        'REVOKED', 'REPAIRED', 'EXPIRED', 'ARCHIVED') OR kind = 'LIST_ENTRY' AND status IN ('EFFECTIVE', 'EXITED'))
        NOT VALID,
    -- A list entry has its list (a NULL would pass a bare IN: a CHECK refuses only what is false).
    ADD CONSTRAINT received_list_type_known CHECK (CASE WHEN list_type IS NULL THEN kind <> 'LIST_ENTRY'
        ELSE list_type IN ('RED', 'GREY', 'BLACK') END) NOT VALID,
    ADD CONSTRAINT received_severity_known CHECK (severity IN ('MINOR', 'GENERAL', 'SERIOUS')) NOT VALID,
    ADD CONSTRAINT received_period_ordered CHECK (period_end >= period_start) NOT VALID;

ALTER TABLE exchange.outbox
    ADD CONSTRAINT outbox_status_known CHECK (kind = 'RECORD' AND status IN ('ACTIVE', 'IN_DISPUTE', 'CORRECTED',
        'REVOKED', 'REPAIRED', 'EXPIRED', 'ARCHIVED', 'DECLINED')
        OR kind = 'LIST_ENTRY' AND status IN ('EFFECTIVE', 'EXITED')) NOT VALID;
