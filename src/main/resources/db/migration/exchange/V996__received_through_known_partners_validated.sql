-- Gaps review xli V12 (rest): V995's key of a received row's partner proven for the rows before it, in a migration
-- of its own (VALIDATE CONSTRAINT lets batches be received while it scans). A row naming a partner the exchange does
-- not have stops the upgrade: `java -jar chengxin.jar upgrade-check` counts such rows before the window; register
-- the partner they came through (enabled = false if no longer exchanged with) as the exchange's owner, then migrate again.
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_partner_known;
