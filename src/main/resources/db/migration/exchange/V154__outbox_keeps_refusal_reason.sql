-- A message a partner refuses for what it says is set aside with the partner's code (V131) and now with the reason the
-- partner gave (its problem's detail, which names the field and never the value): the operators of the sending
-- platform see why, not only that, it was refused (issue #9). Messages set aside before keep their code only.
ALTER TABLE exchange.outbox ADD COLUMN refused_reason text;
