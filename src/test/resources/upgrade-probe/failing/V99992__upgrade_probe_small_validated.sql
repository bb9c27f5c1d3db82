-- UpgradeCheckIT: the validation of a constraint an earlier pending script added (row 3 is too large).
ALTER TABLE upgrade_probe.t VALIDATE CONSTRAINT probe_small;
