-- An item withdrawn (废止) because its legal basis was revoked (依据废止/失效, issue #4; RULES.md §5, Henan Art. 42):
-- unlike a catalogue revision, whose records keep their windows, its records are withdrawn within 1 working day of
-- the notice. The withdrawal says which kind it is (existing withdrawals were all revisions); the basis it names is
-- then the revoking document.
ALTER TABLE catalog.item ADD COLUMN withdrawal_kind text;
UPDATE catalog.item SET withdrawal_kind = 'REVISION' WHERE withdrawal;
ALTER TABLE catalog.item ADD CONSTRAINT item_withdrawal_kind
    CHECK (withdrawal_kind IN ('REVISION', 'BASIS_REVOKED') AND withdrawal OR withdrawal_kind IS NULL AND NOT withdrawal);
-- How many records the approved withdrawal has withdrawn so far, and when it had withdrawn them all: moved by the
-- credit file's pass in each chunk's transaction, for the console. NULL on every other version.
ALTER TABLE catalog.item ADD COLUMN records_withdrawn bigint;
ALTER TABLE catalog.item ADD COLUMN records_withdrawn_at timestamptz;

-- The credit file withdraws the item's records after the approval, a chunk per transaction in record-key order, as
-- the listing's and scoring's passes run (listing V60, V62; scoring V63): the pass starts in the approval's own
-- transaction, its row moves with each chunk, so after a crash or a failed chunk it goes on after the last chunk
-- committed. No foreign key: the item is the catalogue's, in its own schema.
CREATE TABLE creditfile.basis_revocation_pass (
    item_code         text        NOT NULL,
    item_version      int         NOT NULL,
    after_record      uuid,                               -- the last record key passed; NULL: none yet
    records_passed    bigint      NOT NULL DEFAULT 0,
    holders_evaluated bigint      NOT NULL DEFAULT 0,     -- subjects whose records were withdrawn, per chunk
    started_at        timestamptz NOT NULL,
    progressed_at     timestamptz NOT NULL,
    finished_at       timestamptz,                        -- NULL: records still to withdraw
    superseded        boolean     NOT NULL DEFAULT false, -- never set: an item is withdrawn once
    PRIMARY KEY (item_code, item_version)
);
CREATE INDEX basis_revocation_pass_unfinished ON creditfile.basis_revocation_pass (progressed_at)
    WHERE finished_at IS NULL;

-- A record withdrawn for its item's revoked basis is revoked by the platform, not by a new version of its department:
-- the reason is kept with the version in force (撤销原因, shown on the file as a department's is), and stays once the
-- record is archived at the end of its retention. NOT VALID as V102.
ALTER TABLE creditfile.record DROP CONSTRAINT record_reason_of_revocation;
ALTER TABLE creditfile.record ADD CONSTRAINT record_reason_of_revocation
    CHECK (revocation_reason IS NULL OR action = 'REVOKE' OR status IN ('REVOKED', 'ARCHIVED')) NOT VALID;
