-- 征信机构违规经营"黑名单" (国办发〔2016〕98号 四(一); RULES.md §7, last line; gaps review xxx L4). Until now a key was
-- revoked with no reason recorded, nothing marked the institution, and a new key for it was checked against nothing.
--
-- A revocation names its ground from a closed list and the reference of the decision or case behind it. Keys revoked
-- before this migration have neither (NULL): nobody recorded why.
ALTER TABLE account.api_client
    ADD COLUMN revoke_ground    text CHECK (revoke_ground IN ('UNLAWFUL_QUERY', 'BEYOND_PURPOSE', 'DISCLOSURE', 'OTHER')),
    ADD COLUMN revoke_reference text,
    ADD CONSTRAINT api_client_revoke_ground CHECK (revoke_ground IS NULL OR revoked_at IS NOT NULL);

-- The register of institutions that broke the rules, keyed on the institution (api_client.institution_id, K2): an
-- institution has no unified social credit code on this platform yet, so the organisation's name as its keys gave it
-- is kept with the entry for the list and for matching a key proposed afresh. A system administrator proposes an entry
-- and a security administrator, another person, confirms it (双人复核, RULES.md §10); only a confirmed entry bans new
-- keys for the institution from banned_from to banned_until, both days included (Beijing dates).
CREATE TABLE account.institution_violation (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    organisation   text        NOT NULL,
    ground         text        NOT NULL CHECK (ground IN ('UNLAWFUL_QUERY', 'BEYOND_PURPOSE', 'DISCLOSURE', 'OTHER')),
    reference      text        NOT NULL CHECK (btrim(reference) <> ''),
    banned_from    date        NOT NULL,
    banned_until   date        NOT NULL,
    proposed_by    text        NOT NULL,
    proposer_name  text        NOT NULL,
    proposed_at    timestamptz NOT NULL,
    status         text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    decided_by     text,
    decider_name   text,
    decided_at     timestamptz,
    decision_note  text,
    CHECK (banned_until >= banned_from),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX institution_violation_institution ON account.institution_violation (institution_id);
