-- Gaps review xli V6: V576's constraints on inquiry.report proven for the reports before it, in a migration of its own
-- (VALIDATE CONSTRAINT lets reports be issued while it scans).
ALTER TABLE inquiry.report VALIDATE CONSTRAINT report_requester_known;
ALTER TABLE inquiry.report VALIDATE CONSTRAINT report_institution_has_consent;
