-- The first six characters of a resident identity number were kept in clear as the person's birth region, and
-- nothing read them. Beside the birth date (characters 7-14) and the masked number (its first four and last four),
-- they left only the sequence digits unknown: the registry's encryption of the number was undone by three plain
-- columns. The values are cleared first, so that the rows are rewritten without them, then the column goes.
UPDATE subject.person SET birth_region = NULL WHERE birth_region IS NOT NULL;
ALTER TABLE subject.person DROP COLUMN birth_region;
