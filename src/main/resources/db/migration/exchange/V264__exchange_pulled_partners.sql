-- A partner whose feed this platform pulls (gaps review xxviii J7; issue #9: "push and pull by cursor"): a county
-- behind the government network boundary takes no inbound HTTPS, so its city queues for it without an address and the
-- county pulls. The pull keeps its own cursor, claim and backoff beside the push's.
ALTER TABLE exchange.partner
    ADD COLUMN pull               boolean     NOT NULL DEFAULT false,  -- this platform pulls the partner's feed
    ADD COLUMN pull_cursor        bigint      NOT NULL DEFAULT 0,      -- the partner's cursor to pull after next
    ADD COLUMN pull_failures      int         NOT NULL DEFAULT 0,      -- failed pulls in a row (backoff)
    ADD COLUMN pull_next_at       timestamptz,
    ADD COLUMN pull_claimed_until timestamptz,                          -- a node is pulling until then (one at a time)
    ADD COLUMN last_pull_at       timestamptz,
    ADD COLUMN pull_error         text;
