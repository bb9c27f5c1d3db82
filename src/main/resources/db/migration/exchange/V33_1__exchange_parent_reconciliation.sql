-- Reconciliation downward (issue #9: conflicts resolve in favour of the parent): per day, the messages of other
-- platforms whose state the parent relayed and we adopted, and the conflicts left to the credit office: our own
-- messages that the parent holds in a version we never sent (we are authoritative for what we collected).
ALTER TABLE exchange.reconciliation
    ADD COLUMN adopted      int    NOT NULL DEFAULT 0,
    ADD COLUMN adopted_keys text[] NOT NULL DEFAULT '{}',   -- <source platform>:<source id>, at most 100
    ADD COLUMN conflicts    text[] NOT NULL DEFAULT '{}';   -- at most 100

-- Messages looked up by what they are about rather than by partner: a relayed message fetched again for a child in
-- reconciliation, the current messages resent to a partner declared late.
CREATE INDEX outbox_by_source ON exchange.outbox (source_platform, source_id, version);
