-- UpgradeStartIT: a migration that needs ACCESS EXCLUSIVE on a table another session holds a lock on.
ALTER TABLE lock_held.held ADD COLUMN note text;
