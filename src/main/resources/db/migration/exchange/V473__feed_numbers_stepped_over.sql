-- Gaps review xxxviii S1: the change numbers the upward follower of the listing feed stepped over (a transaction that
-- took its number and committed after a higher one, past the cursor's patience), read again until they show or a day
-- has passed (shared.FeedCursor), written in the transaction that moves the position (feed_position).
CREATE TABLE exchange.feed_skipped (
    feed        text        NOT NULL,
    first_seq   bigint      NOT NULL,
    last_seq    bigint      NOT NULL,
    skipped_at  timestamptz NOT NULL,
    PRIMARY KEY (feed, first_seq)
);
