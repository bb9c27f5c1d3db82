-- Gaps review xlvi AA2: a consent deleted ten years after it ended takes the reports issued on it
-- (inquiry.delete_ended_consents, V1034), and deleting a consent makes PostgreSQL look for reports still naming it
-- (the foreign key of V18). inquiry.report had no index on its consent: each consent deleted would read every report
-- of the city. Only institutions' reports name a consent (V576), hence the partial index. Built CONCURRENTLY outside a
-- transaction (this script's .conf; inquiry.report is among the largest tables, MigrationRule), one statement a script.
CREATE INDEX CONCURRENTLY IF NOT EXISTS report_by_consent ON inquiry.report (consent_id) WHERE consent_id IS NOT NULL;
