-- Gaps review xxxv P9 (session xxxvi): the exchange page showed each partner's acknowledged messages by counting every
-- acknowledged row of the outbox at each view — a scan of a table that keeps a row per record shared, per partner.
-- The page now shows the messages acknowledged in the last 7 days, kept per partner and hour: the statement that marks
-- messages acknowledged adds how many it marked (JdbcExchange.acknowledge, acknowledgeUpTo), in its own transaction.
CREATE TABLE exchange.acked_hour (
    partner_code text        NOT NULL REFERENCES exchange.partner (code) ON DELETE CASCADE,
    hour         timestamptz NOT NULL,
    messages     bigint      NOT NULL,
    PRIMARY KEY (partner_code, hour)
);

-- The last 8 days' acknowledgements, from the rows still acknowledged (read once, here; nothing waits on it).
INSERT INTO exchange.acked_hour (partner_code, hour, messages)
SELECT partner_code, date_trunc('hour', acked_at), count(*) FROM exchange.outbox
WHERE acked_at >= now() - interval '8 days'
GROUP BY 1, 2;
