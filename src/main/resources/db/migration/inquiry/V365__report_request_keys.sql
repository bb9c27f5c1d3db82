-- API retries (gaps review xxxiii N11; issue #7, PIPL Art. 14): an institution's report request may carry an
-- Idempotency-Key. The key is kept per calling client (its API key's id) with the SM3 digest of the request's body
-- (salted with the key; never the body itself: it names the person) and the number of the report it was answered
-- with, for 24 hours (IdempotencyKey.KEPT), then pruned. The same key and body within that time answer the same
-- report, without using the consent again; the primary key makes two concurrent requests with one key give one
-- report (the second waits for the first and answers its report).
CREATE TABLE inquiry.report_request_key (
    client_id       text        NOT NULL,
    idempotency_key uuid        NOT NULL,
    request_digest  text        NOT NULL,
    answer          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX report_request_key_created ON inquiry.report_request_key (created_at);

COMMENT ON COLUMN inquiry.report_request_key.answer IS 'the number of the report the request was answered with';
