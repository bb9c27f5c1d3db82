-- The information catalogue (module catalog). RULES.md §2: nothing is collected outside it.
-- Every version of an item is kept; at most one is active and at most one is being prepared.
CREATE SCHEMA catalog;

CREATE TABLE catalog.item (
    id            uuid        PRIMARY KEY,
    code          text        NOT NULL,
    version       int         NOT NULL CHECK (version >= 1),
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'PENDING', 'ACTIVE', 'RETIRED', 'REJECTED')),
    definition    jsonb       NOT NULL,
    -- Copied out of the definition for lists and filters.
    name          text        NOT NULL,
    subject_type  text        NOT NULL,
    nature        text        NOT NULL,
    category      text        NOT NULL,
    domain        text        NOT NULL,
    sharing       text        NOT NULL,
    severity      text,
    providers     text[]      NOT NULL,
    change_note   text,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    submitted_by  text,
    submitted_at  timestamptz,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    retired_at    timestamptz,
    UNIQUE (code, version),
    -- Maker-checker: whoever submitted a version cannot be the one who approves it.
    CONSTRAINT item_four_eyes CHECK (status <> 'ACTIVE' OR decided_by IS DISTINCT FROM submitted_by
                                     OR submitted_by = 'system')
);

CREATE UNIQUE INDEX item_one_active ON catalog.item (code) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX item_one_in_preparation ON catalog.item (code) WHERE status IN ('DRAFT', 'PENDING');
