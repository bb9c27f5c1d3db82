-- N7 (gaps-review-xxxiii; RULES.md §10 lockout after failed attempts, issue #5 scraping → 429): the limits that protect
-- against abuse count in the database, so that every instance behind the balancer counts together and a restart
-- empties nothing. A row per (limit, key, window): each request adds to its window's row in one upsert
-- (INSERT … ON CONFLICT … DO UPDATE SET n = n + 1 RETURNING n) and reads the window before it, for a sliding estimate.
-- The key is a keyed pseudonym (HMAC-SM3 with the index key, never an address or phone in clear). A window's row is of
-- no use once the next window has ended: expires_at says when, and the pruning job deletes it after that.
CREATE TABLE shared.limit_count (
    limit_name   text        NOT NULL,
    key_hash     text        NOT NULL,
    window_start timestamptz NOT NULL,
    n            bigint      NOT NULL CHECK (n >= 0),
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (limit_name, key_hash, window_start)
);

CREATE INDEX limit_count_expires ON shared.limit_count (expires_at);
