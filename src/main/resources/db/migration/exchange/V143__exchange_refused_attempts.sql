-- Inbound exchange requests refused (a batch, a pull, a reconciliation question): the partner code as the request
-- named it, which may be no declared partner at all, and the stable problem code. Stored with the audit event of the
-- refusal (SECURITY, DENIED) so that the console's 信息交换 shows the office a misconfigured partner (issue #9).
-- Never an identity number: the reason names fields, never values, and is redacted like audit details.
CREATE TABLE exchange.refused_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    partner_sent text        NOT NULL,                  -- as sent, cut to 40 characters; '' when none
    operation    text        NOT NULL,                  -- batch, pull, reconcile, relayed, fetch
    code         text        NOT NULL,
    reason       text        NOT NULL
);
CREATE INDEX refused_attempt_at ON exchange.refused_attempt (at);
