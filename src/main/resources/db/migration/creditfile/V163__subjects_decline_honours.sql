-- A person may refuse to have honours recorded (RULES.md §2, Shenzhen Art. 39).

-- The catalogue says per item whether its records may be refused (catalog module; one migration number for the
-- change). Every stored version gets the attribute, as the base catalogue sets it: the good items about persons of
-- the honours category, and commendations (administrative rewards). Never a negative item.
UPDATE catalog.item
SET definition = definition || jsonb_build_object('refusableBySubject',
        subject_type = 'PERSON' AND nature = 'GOOD' AND (category = 'HONOUR' OR code = 'P_COMMENDATION'))
WHERE NOT definition ? 'refusableBySubject';

-- A record its subject declined (本人拒绝记录): kept, neither shown to others nor used, until the person accepts it.
ALTER TABLE creditfile.record DROP CONSTRAINT record_status_check;
ALTER TABLE creditfile.record ADD CONSTRAINT record_status_check
    CHECK (status IN ('ACTIVE', 'IN_DISPUTE', 'CORRECTED', 'REVOKED', 'REPAIRED', 'EXPIRED', 'ARCHIVED', 'DECLINED'));

-- A declined record is kept no longer than its retention, as every closed record: the nightly job's index follows.
DROP INDEX creditfile.record_retention_due;
CREATE INDEX record_retention_due ON creditfile.record (retention_end)
    WHERE current AND status IN ('DECLINED', 'EXPIRED', 'REPAIRED', 'REVOKED');

-- The items a person declined altogether: their new records are stored declined. A decline the person takes back
-- is kept with when it ended (nothing is deleted); one in force per subject and item.
CREATE TABLE creditfile.declined_item (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid        NOT NULL,
    item_code   text        NOT NULL,
    declined_at timestamptz NOT NULL,
    ended_at    timestamptz
);
CREATE UNIQUE INDEX declined_item_in_force ON creditfile.declined_item (subject_id, item_code) WHERE ended_at IS NULL;
