-- Over Kafka a batch is applied without the messages refused for what they say (RULES.md §11, I1): each refused
-- message is kept with its batch, so that the answer to the sender can be given again when the batch is read again.
CREATE TABLE exchange.inbound_refused_message (
    partner_code    text        NOT NULL,
    batch_id        uuid        NOT NULL,
    idx             int         NOT NULL,
    source_platform text,
    source_id       text,
    version         bigint,
    code            text        NOT NULL,
    reason          text        NOT NULL,
    refused_at      timestamptz NOT NULL,
    PRIMARY KEY (partner_code, batch_id, idx),
    FOREIGN KEY (partner_code, batch_id) REFERENCES exchange.inbound_batch (partner_code, batch_id)
);
