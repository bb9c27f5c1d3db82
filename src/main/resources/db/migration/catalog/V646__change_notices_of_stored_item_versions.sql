-- Gaps review xli V12: a department's notice of an approved change names the item's version it tells of
-- (JdbcCatalogue.notifyDepartments, in the approval's transaction). Item versions are never deleted (a draft given up
-- is kept as DISCARDED, V59), so the key breaks no path. A small table: validated at once.
ALTER TABLE catalog.change_notice
    ADD CONSTRAINT change_notice_item_known FOREIGN KEY (code, version) REFERENCES catalog.item (code, version);
