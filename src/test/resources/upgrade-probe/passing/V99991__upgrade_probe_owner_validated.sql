-- UpgradeCheckIT: a release validating a constraint every stored row satisfies.
ALTER TABLE upgrade_probe.t VALIDATE CONSTRAINT probe_owner_known;
