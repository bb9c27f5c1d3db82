-- The audit log (module audit): an append-only Merkle tree in the shape of RFC 6962 with SM3.
-- RULES.md §10: every operation traceable, records protected against change and deletion.
CREATE SCHEMA audit;

-- One row per event; seq is the leaf index (from 0, no gaps). leaf_hash = SM3(0x00 || canonical event),
-- mac = HMAC-SM3 over (seq, leaf_hash) under a key the database does not hold, so a row changed in the
-- database is found exactly. After its retention period an event's content is pruned; its leaf hash stays.
CREATE TABLE audit.event (
    seq               bigint      PRIMARY KEY CHECK (seq >= 0),
    at                timestamptz NOT NULL,
    category          text        NOT NULL CHECK (category IN ('SECURITY', 'PROCESSING', 'QUERY')),
    actor_kind        text        NOT NULL,
    actor_id          text        NOT NULL,
    actor_name        text        NOT NULL,
    organisation      text        NOT NULL,
    action            text        NOT NULL,
    subject_pseudonym text,
    purpose           text,
    legal_basis       text,
    consent_id        text,
    result            text        NOT NULL CHECK (result IN ('SUCCESS', 'DENIED', 'ERROR')),
    request_id        text,
    detail            text,
    pruned_at         timestamptz,
    leaf_hash         bytea       NOT NULL,
    mac               bytea       NOT NULL
);

CREATE INDEX event_by_subject ON audit.event (subject_pseudonym, seq DESC) WHERE subject_pseudonym IS NOT NULL;
CREATE INDEX event_by_time ON audit.event (at);

-- Perfect subtrees above the leaves (level >= 1): hash of leaves [idx * 2^level, (idx + 1) * 2^level).
-- Kept so that any inclusion or consistency proof needs O(log n) reads.
CREATE TABLE audit.node (
    level smallint NOT NULL CHECK (level >= 1),
    idx   bigint   NOT NULL,
    hash  bytea    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Signed tree heads, published on the public site.
CREATE TABLE audit.checkpoint (
    tree_size bigint      PRIMARY KEY,
    root      bytea       NOT NULL,
    at        timestamptz NOT NULL,
    signature bytea       NOT NULL,
    key_id    text        NOT NULL
);

-- The verifier compares stored nodes with recomputed ones in the order the tree completes them:
-- by the last leaf they cover.
CREATE INDEX node_by_last_leaf ON audit.node (((idx + 1) * (1::bigint << level) - 1), level);
