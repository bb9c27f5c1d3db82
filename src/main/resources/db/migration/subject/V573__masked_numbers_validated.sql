-- Gaps review xli V3: V572's constraints on subject.subject proven for the rows before it, in a migration of its own
-- (VALIDATE CONSTRAINT takes a lock that lets registration go on while it scans; in V572's transaction the ADD's lock
-- would have been held through the scan). A row it refuses holds a number in clear or a type the code cannot read:
-- mask or correct it as the owner, then start again.
ALTER TABLE subject.subject VALIDATE CONSTRAINT subject_document_type_known;
ALTER TABLE subject.subject VALIDATE CONSTRAINT subject_kind_of_document;
ALTER TABLE subject.subject VALIDATE CONSTRAINT subject_number_masked;
