-- UpgradeCheckIT: rows stored before a release whose migrations validate constraints on them. The owner column
-- stands for personal data: upgrade-check must never print it.
CREATE SCHEMA upgrade_probe;
CREATE TABLE upgrade_probe.parent (id int PRIMARY KEY);
CREATE TABLE upgrade_probe.t (
    id        int PRIMARY KEY,
    amount    int,
    parent_id int,
    owner     text NOT NULL
);
INSERT INTO upgrade_probe.parent VALUES (1);
INSERT INTO upgrade_probe.t VALUES
    (1, 10, 1, 'ROW-CONTENT-110101'),
    (2, -5, 1, 'ROW-CONTENT-110102'),
    (3, 5000, 7, 'ROW-CONTENT-110103'),
    (4, NULL, 8, 'ROW-CONTENT-110104'),
    (5, 20, NULL, 'ROW-CONTENT-110105');
ALTER TABLE upgrade_probe.t
    ADD CONSTRAINT probe_positive CHECK (amount >= 0) NOT VALID,
    ADD CONSTRAINT probe_parent FOREIGN KEY (parent_id) REFERENCES upgrade_probe.parent NOT VALID;
ALTER TABLE upgrade_probe.t ADD CONSTRAINT probe_owner_known CHECK (owner LIKE 'ROW-%') NOT VALID;
