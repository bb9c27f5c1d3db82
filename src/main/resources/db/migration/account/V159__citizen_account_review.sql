-- A citizen account taken by someone else (gaps review #1: registered before the real-name check with another's name
-- and number) is suspended or unbound by the credit office once the real person has proved their identity at the
-- window, by two people (双人复核, RULES.md §10): one proposes with the reason, another approves. Unbinding deletes the
-- account (and its sealed phone), so that the person can register; the decision stays here. citizen_id has no foreign
-- key for that reason. proposed_by / decided_by are staff users' ids, compared by the rule; names are for the list.
ALTER TABLE account.citizen ADD COLUMN suspended_at timestamptz;

CREATE TABLE account.citizen_account_proposal (
    id                uuid PRIMARY KEY,
    citizen_id        uuid        NOT NULL,
    subject_id        uuid        NOT NULL,
    subject_pseudonym text        NOT NULL,
    action            text        NOT NULL CHECK (action IN ('SUSPEND', 'RESUME', 'UNBIND')),
    reason            text        NOT NULL CHECK (length(btrim(reason)) > 0),
    proposed_by       text        NOT NULL,
    proposer_name     text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by        text,
    decider_name      text,
    decided_at        timestamptz,
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
-- One open proposal per account: a second would be decided against a state the first changes.
CREATE UNIQUE INDEX citizen_account_proposal_pending ON account.citizen_account_proposal (citizen_id)
    WHERE status = 'PENDING';

-- The credit office runs the window where the person proves their identity.
INSERT INTO account.role_permission (role_id, permission) VALUES
    ('00000000-0000-7000-8000-000000000004', 'account:citizen:manage');
