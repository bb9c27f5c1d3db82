-- Gaps review xlvi AA2: a consent deleted ten years after it ended takes the counter visits that granted or withdrew
-- it and those that handed out a report issued on it, with their papers (inquiry.delete_ended_consents, V1034); the
-- foreign keys of V175 make PostgreSQL look for visits still naming a consent or report deleted. Neither column was
-- indexed. inquiry.counter_visit grows by the window's services only (not among the largest tables, MigrationRule):
-- built in the migration's transaction.
CREATE INDEX IF NOT EXISTS counter_visit_consent ON inquiry.counter_visit (consent_id) WHERE consent_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS counter_visit_report ON inquiry.counter_visit (report_id) WHERE report_id IS NOT NULL;
