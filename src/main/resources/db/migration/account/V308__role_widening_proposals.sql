-- Widening a role is an authorisation for everyone who holds it (RULES.md §10: least privilege, separation of duties;
-- gaps review xxxi M3): one security administrator could add 政务查询 to 部门报送人员 for every submission clerk at
-- once. Now the permissions a role gains are proposed by one security administrator and added only when another
-- approves; narrowing stays immediate. The proposal holds only what is added, so that a narrowing made meanwhile is
-- not undone by the approval. proposed_by / decided_by are staff user ids, which the rule compares.
CREATE TABLE account.role_proposal (
    id            uuid PRIMARY KEY,
    role_id       uuid        NOT NULL REFERENCES account.role (id),
    added         text[]      NOT NULL CHECK (cardinality(added) > 0),
    proposed_by   text        NOT NULL,
    proposer_name text        NOT NULL,
    proposed_at   timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    text,
    decider_name  text,
    decided_at    timestamptz,
    decision_note text,
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
-- One pending widening per role: a second would be decided against permissions the first may have changed.
CREATE UNIQUE INDEX role_proposal_one_pending ON account.role_proposal (role_id) WHERE status = 'PENDING';
