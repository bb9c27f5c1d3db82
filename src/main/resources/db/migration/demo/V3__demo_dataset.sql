-- Module demo: which synthetic population this database holds, so every screen can say that it is synthetic.
CREATE SCHEMA IF NOT EXISTS demo;

CREATE TABLE demo.dataset (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city          text        NOT NULL,
    seed          bigint      NOT NULL,
    residents     integer     NOT NULL,
    organisations integer     NOT NULL,
    started_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    duration_ms   bigint
);
