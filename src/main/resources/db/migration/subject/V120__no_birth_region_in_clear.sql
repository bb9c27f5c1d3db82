-- The first six characters of a resident identity number were kept in clear as the person's birth region, and
-- nothing read them. Beside the birth date (characters 7-14) and the masked number (its first four and last four),
-- they left only the sequence digits unknown: the registry's encryption of the number was undone by three plain
-- columns. The column goes (at once: no rewrite of the table at start). Its values stay in the table's pages until
-- they are rewritten: an existing installation erases them with VACUUM FULL subject.person (or pg_repack) in a
-- maintenance window (README, "Upgrading").
ALTER TABLE subject.person DROP COLUMN birth_region;
