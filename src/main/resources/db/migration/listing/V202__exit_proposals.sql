-- A manual exit is a proposal a second reviewer decides (issue #5 maker-checker; RULES.md §7: the black list only with
-- a legal basis, and ended on one): the first list:review holder names the ground from a closed list, with the
-- document it rests on and the reasons; the entry stays in force (in checks, on the public lists) until another
-- reviewer, never the proposer, approves it (the entry then ends with its exit notice) or rejects it with reasons.
-- An entry has at most one proposal waiting. One left waiting when the entry ends otherwise (expiry, its record
-- revoked, repair, an upheld objection) lapses with it.
CREATE TABLE listing.exit_proposal (
    id           uuid        PRIMARY KEY,
    entry_id     uuid        NOT NULL REFERENCES listing.entry (id),
    ground       text        NOT NULL CHECK (ground IN ('OBJECTION_UPHELD', 'REPAIRED', 'BASIS_REVOKED',
                                                        'ISSUER_REMOVED', 'OTHER')),
    reference    text        CHECK (length(reference) BETWEEN 1 AND 200),
    reasons      text        NOT NULL CHECK (length(reasons) BETWEEN 1 AND 500),
    proposed_by  text        NOT NULL,
    proposed_at  timestamptz NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING'
                             CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'LAPSED')),
    decided_by   text,
    decided_at   timestamptz,
    note         text        CHECK (length(note) BETWEEN 1 AND 500),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status <> 'REJECTED' OR note IS NOT NULL)
);
CREATE INDEX exit_proposal_by_entry ON listing.exit_proposal (entry_id);
CREATE UNIQUE INDEX exit_proposal_pending ON listing.exit_proposal (entry_id) WHERE status = 'PENDING';
CREATE INDEX exit_proposal_waiting ON listing.exit_proposal (proposed_at) WHERE status = 'PENDING';
