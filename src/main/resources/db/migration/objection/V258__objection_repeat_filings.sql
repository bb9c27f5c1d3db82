-- The rate limit on objections counts repeats per account (J3 of docs/gaps-review-xxviii.md; issue #8: "the first is
-- always recorded; repeats on the same record are merged; rate limits per account"; RULES.md §5). A first objection is
-- never limited; a repeat merged into an open case is counted here against the account that filed it (its kind and
-- stable id: a citizen account's, a clerk's user name at the counter — never a personal number). Only the last day
-- matters: each repeat removes its account's rows older than that.
CREATE TABLE objection.repeat_filing (
    account  text        NOT NULL,
    filed_at timestamptz NOT NULL
);
CREATE INDEX repeat_filing_account ON objection.repeat_filing (account, filed_at);
