-- UpgradeCheckIT: a release validating what V99990 added NOT VALID (row 2 is negative; rows 3 and 4 name parents
-- that do not exist; row 5 has none, which a foreign key allows), and adding one NOT VALID of its own.
ALTER TABLE upgrade_probe.t VALIDATE CONSTRAINT probe_positive;
ALTER TABLE upgrade_probe.t VALIDATE CONSTRAINT probe_parent;
ALTER TABLE upgrade_probe.t ADD CONSTRAINT probe_small CHECK (amount < 1000) NOT VALID;
