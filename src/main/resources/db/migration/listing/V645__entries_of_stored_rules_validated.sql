-- Gaps review xli V12: V644's key of an entry's rule proven for the entries before it, in a migration of its own
-- (VALIDATE CONSTRAINT lets proposals and reviews go on while it scans).
ALTER TABLE listing.entry VALIDATE CONSTRAINT entry_rule_known;
