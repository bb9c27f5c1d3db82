-- What a department sees, and a second credit office, are authorisations (RULES.md §10: separation of the system,
-- security and audit administrators; least privilege; issue #3). The system administrator proposes a department's
-- scopes (data_scope and shared_read_scope, with the duty they serve) or a CREDIT_OFFICE-kind department; nothing
-- changes until a security administrator, another person, approves. proposed_by / decided_by are staff user ids,
-- which the rule compares; the names are for the list.
CREATE TABLE account.department_proposal (
    id                uuid PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('SCOPE', 'CREDIT_OFFICE')),
    department_id     uuid REFERENCES account.department (id),
    code              text        NOT NULL,
    name              text        NOT NULL,
    data_scope        text[]      NOT NULL DEFAULT '{}',
    shared_read_scope text[]      NOT NULL DEFAULT '{}',
    reason            text        NOT NULL,
    proposed_by       text        NOT NULL,
    proposer_name     text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by        text,
    decider_name      text,
    decided_at        timestamptz,
    decision_note     text,
    CHECK ((kind = 'SCOPE') = (department_id IS NOT NULL)),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
-- One pending scope proposal per department: a second would be decided against a scope the first may have changed.
CREATE UNIQUE INDEX department_proposal_one_pending ON account.department_proposal (department_id)
    WHERE status = 'PENDING' AND department_id IS NOT NULL;
CREATE INDEX department_proposal_pending ON account.department_proposal (proposed_at) WHERE status = 'PENDING';
