-- One instance pushes a partner at a time (gaps review xxxiii N5): an instance claims a partner's push for a couple of
-- minutes before each batch, in one statement, as pulling does (V264 pull_claimed_until), so two instances never send
-- the same waiting messages under two batch ids, and the partner gets them in queue order. A claim is released when
-- the turn ends; one held by an instance that died lapses.
ALTER TABLE exchange.partner
    ADD COLUMN push_claimed_by    uuid,         -- the turn that holds the push (a random id per turn)
    ADD COLUMN push_claimed_until timestamptz;  -- until then
