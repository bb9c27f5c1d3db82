-- Gaps review xli V10: a commitment's state and kind are read back by CommitmentStatus.valueOf and
-- CommitmentKind.valueOf on every page and answer that shows it; the table now refuses a value the code does not know
-- (both enumerations only ever grew: no stored row holds another). A small table.
ALTER TABLE commitment.commitment
    ADD CONSTRAINT commitment_status_known CHECK (status IN ('IN_FORCE', 'KEPT_RECORD_OWED', 'KEPT',
        'BREACHED_RECORD_OWED', 'BREACHED', 'LAPSED')),
    ADD CONSTRAINT commitment_kind_known CHECK (kind IN ('APPROVAL_SUBSTITUTE', 'TOLERANCE', 'REPAIR', 'SELF_DISCIPLINE',
        'VOLUNTARY'));
