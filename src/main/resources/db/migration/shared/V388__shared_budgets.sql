-- Gaps review xxxiii N7 (rest): a budget every instance over one database draws from, without a round trip per
-- request. The budget is a token bucket kept here, a row per (limit, key): the tokens left when last refilled and
-- when that was. An instance takes a slice of it (a lease) in one call of shared.lease_budget when the tokens it holds
-- run out, and spends the slice in its memory; what it holds unspent it gives back with its next lease. So a client
-- kept on one instance gets the whole budget, and the instances together never grant more than the bucket holds
-- (shared/ratelimit/SharedBudget; the check budget, measures/CheckBudget). Keys are API clients' ids, no personal data.
CREATE TABLE shared.budget (
    limit_name  text             NOT NULL,
    key         text             NOT NULL,
    tokens      double precision NOT NULL CHECK (tokens >= 0),
    refilled_at timestamptz      NOT NULL,
    PRIMARY KEY (limit_name, key)
);

-- Refills the bucket for the time since it was last refilled (at p_per_second, up to p_capacity), adds back the
-- p_returned tokens the caller held unspent, and grants p_want tokens (or as many as there are, at least p_need), or
-- none when fewer than p_need are there. Returns what it granted and what the bucket then held before the grant
-- (so a refused caller can say how long to wait). A new key's bucket starts full. One row lock, one statement.
CREATE FUNCTION shared.lease_budget(p_limit text, p_key text, p_capacity bigint, p_per_second double precision,
                                    p_returned bigint, p_need bigint, p_want bigint, p_now timestamptz,
                                    OUT granted bigint, OUT available double precision)
    LANGUAGE plpgsql
AS $$
DECLARE
    held   double precision;
    since  timestamptz;
BEGIN
    INSERT INTO shared.budget (limit_name, key, tokens, refilled_at)
    VALUES (p_limit, p_key, p_capacity, p_now)
    ON CONFLICT (limit_name, key) DO NOTHING;
    SELECT b.tokens, b.refilled_at INTO held, since FROM shared.budget b
     WHERE b.limit_name = p_limit AND b.key = p_key FOR UPDATE;
    available := least(p_capacity::double precision,
                       held + p_returned + p_per_second * greatest(0, extract(epoch FROM p_now - since)));
    granted := CASE WHEN available >= p_need THEN least(floor(available)::bigint, p_want) ELSE 0 END;
    UPDATE shared.budget SET tokens = available - granted, refilled_at = greatest(since, p_now)
     WHERE limit_name = p_limit AND key = p_key;
END
$$;
