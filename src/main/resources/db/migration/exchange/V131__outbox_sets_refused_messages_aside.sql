-- A message the partner refuses for what it says (not for the batch or the link: a relay it does not take, an
-- invalid message, a minor listed) is refused again however often it is sent; it is set aside with the partner's
-- code, shown in the console, instead of holding every message queued behind it (issue #9).
ALTER TABLE exchange.outbox ADD COLUMN refused_code text, ADD COLUMN refused_at timestamptz;

DROP INDEX exchange.outbox_waiting;
CREATE INDEX outbox_waiting ON exchange.outbox (partner_code, seq) WHERE acked_at IS NULL AND refused_at IS NULL;
