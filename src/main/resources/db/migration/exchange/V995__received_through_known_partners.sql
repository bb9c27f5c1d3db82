-- Gaps review xli V12 (rest): a received row names the partner it came through (via_partner), and the exchange reads
-- that partner back (whom to relay to, whom not to send a change back to, the received page). Receiving stores only
-- what a registered partner's signed batch or pull brought (Receiving, partner.code()); a partner is registered by
-- the exchange's settings (JdbcExchange.savePartner, an upsert) and no path deletes one (exchange.partner.enabled
-- turns one off), so no path of the product is broken by the key.
--
-- exchange.received grows with every batch: the key is added NOT VALID here (no scan under this statement's lock)
-- and proven for the rows before it by V996. Each received row's insert then looks up its partner's key (a
-- primary-key probe of a table of a few rows).
ALTER TABLE exchange.received
    ADD CONSTRAINT received_partner_known FOREIGN KEY (via_partner) REFERENCES exchange.partner (code) NOT VALID;
