-- Gaps review xliii X2 (rest; RULES.md §7; 法释〔2017〕7号第一条第一项、第十条): a court lists a defaulter able to perform
-- and refusing without a term — he stays listed until he performs and the court deletes him — so an older system's
-- entry of such a listing has no last day. A migrated row of a court's own listing rule may leave valid_until empty
-- (ListMigrations/MigratedEntry refuse an empty one for every other rule, whose lists have terms); the entry it becomes
-- is stored with valid_until NULL, as listing.entry has always meant it (V12: "NULL: until an exit"), in force until
-- an exit. The check valid_until >= effective_from stays and holds for NULL.
--
-- migration_row is a small table (one row per migrated decision, filled once at the cut-over): dropping NOT NULL only
-- changes the catalogue, with no scan.
ALTER TABLE listing.migration_row ALTER COLUMN valid_until DROP NOT NULL;
