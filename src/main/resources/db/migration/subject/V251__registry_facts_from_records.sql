-- Residency and occupational groups get a source outside the demo (gaps review xxviii J1; issues #2, #6, #7): the
-- public security bureau's household and residence registrations (P_RESIDENCY) and the issuing authorities' records of
-- key occupational groups (P_OCCUPATION, RULES.md §1) are delivered through ingestion like any catalogue item, and each
-- stored record writes one row here. The row names its record (the credit file's record key, the same for every version
-- of it), so that a correction of the record corrects the row and a revocation removes it; rows entered otherwise (the
-- demo) have none. The issuing authority of a membership is kept with it.
ALTER TABLE subject.residency ADD COLUMN source_record uuid UNIQUE;
ALTER TABLE subject.occupational_membership ADD COLUMN source_record uuid UNIQUE;
ALTER TABLE subject.occupational_membership ADD COLUMN issued_by text;
