-- A commitment whose record collection refused owes it no more (status KEPT or BREACHED; issue #8), but it must not
-- look recorded: the refusal's code is kept with it, shown beside its state and listed for its department to correct.
ALTER TABLE commitment.commitment
    ADD COLUMN record_refused text;
