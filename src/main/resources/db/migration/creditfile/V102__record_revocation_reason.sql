-- Why a department revoked its record (撤销原因, issue #4): kept with the revoked version and shown with it, so that
-- the credit office and the subject read why the record was withdrawn. Only a revocation carries one. NOT VALID: no
-- existing row has one, and proving it would read the whole table at the upgrade; rows written from now on are checked.
ALTER TABLE creditfile.record
    ADD COLUMN revocation_reason text,
    ADD CONSTRAINT record_reason_of_revocation CHECK (revocation_reason IS NULL OR action = 'REVOKE') NOT VALID;
