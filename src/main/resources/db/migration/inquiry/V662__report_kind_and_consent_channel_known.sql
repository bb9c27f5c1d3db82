-- Gaps review xli V10 (RULES.md §9): a report's kind is read back by ReportKind.valueOf (its title, its scope); a
-- consent's channel is one of the two the code writes (Consents: the person's own centre, or the counter, whose consents
-- a second clerk reviews). Not the report's purpose: it is the text shown on the report (the purpose's label, with the
-- staff's case reference), not an enumeration; V576 holds the requester.
ALTER TABLE inquiry.consent
    ADD CONSTRAINT consent_granted_via_known CHECK (granted_via IN ('self-service', 'counter'));

-- inquiry.report is one of the largest tables (MigrationRule): NOT VALID here, validated by V664.
ALTER TABLE inquiry.report
    ADD CONSTRAINT report_kind_known CHECK (kind IN ('SELF_FULL', 'AUTHORISED', 'OCCUPATIONAL', 'GOVERNMENT'))
        NOT VALID;
