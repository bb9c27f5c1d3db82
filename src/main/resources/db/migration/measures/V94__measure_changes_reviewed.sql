-- Maker-checker for the joint measures (issue #5): a revision of a measure, or its switch on or off, changes what
-- every department's check answers, so it waits here until another person holding measure:approve approves it (then
-- it is applied to measures.measure) or rejects it with a reason. At most one change of a measure waits at a time.
CREATE TABLE measures.measure_change (
    id            uuid        PRIMARY KEY,
    measure_code  text        NOT NULL REFERENCES measures.measure (code),
    kind          text        NOT NULL CHECK (kind IN ('REVISION', 'SWITCH')),
    -- A revision: what the measure is to say (its kind and switch stay).
    name          text,
    legal_basis   text,
    departments   text[],
    list_types    text[],
    scenarios     text[],
    clean_record  boolean,
    -- A switch: on or off.
    enabled       boolean,
    proposed_by   text        NOT NULL,
    proposer_name text        NOT NULL,
    proposed_at   timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    text,
    decider_name  text,
    decided_at    timestamptz,
    decision_note text,
    CHECK (kind = 'REVISION' AND name IS NOT NULL AND legal_basis IS NOT NULL AND departments IS NOT NULL
               AND list_types IS NOT NULL AND scenarios IS NOT NULL AND clean_record IS NOT NULL AND enabled IS NULL
           OR kind = 'SWITCH' AND enabled IS NOT NULL),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX measure_change_one_pending ON measures.measure_change (measure_code) WHERE status = 'PENDING';
CREATE INDEX measure_change_by_measure ON measures.measure_change (measure_code, proposed_at DESC);
