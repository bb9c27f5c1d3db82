-- A key for a program is proposed by one system administrator and issued only when another approves (双人复核,
-- issue #3): a single administrator can no longer give a program access to personal data alone. The proposal holds
-- what the key will be bound to; the key itself is made at approval (its hash then goes to api_client) and is never
-- kept here. proposed_by / decided_by are the staff users' ids, which the rule compares; the names are for the list.
CREATE TABLE account.api_client_proposal (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL,
    organisation    text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('DEPARTMENT', 'INSTITUTION', 'PARTNER_PLATFORM')),
    department_id   uuid REFERENCES account.department (id),
    permissions     text[]      NOT NULL,
    rate_per_minute int         NOT NULL CHECK (rate_per_minute > 0),
    proposed_by     text        NOT NULL,
    proposer_name   text        NOT NULL,
    proposed_at     timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by      text,
    decider_name    text,
    decided_at      timestamptz,
    decision_note   text,
    client_id       uuid REFERENCES account.api_client (id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((status = 'APPROVED') = (client_id IS NOT NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
-- The console lists the proposals waiting for a decision.
CREATE INDEX api_client_proposal_pending ON account.api_client_proposal (proposed_at) WHERE status = 'PENDING';
