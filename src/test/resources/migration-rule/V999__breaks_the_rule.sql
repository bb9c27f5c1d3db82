-- A migration that breaks the README's rule for the largest tables (N10), read by MigrationRuleTests: each statement
-- would lock its table for a whole scan or rewrite while the platform waits. Never on Flyway's path.
CREATE INDEX event_by_actor ON audit.event (actor_id);
CREATE INDEX CONCURRENTLY check_by_purpose ON measures.check_made (purpose);
ALTER TABLE creditfile.record
    ADD COLUMN amount numeric,
    ADD CONSTRAINT record_amount_positive CHECK (amount > 0);
ALTER TABLE inquiry.report_record ADD CONSTRAINT report_record_report
    FOREIGN KEY (report_id) REFERENCES inquiry.report (id);
ALTER TABLE exchange.outbox ALTER COLUMN status TYPE varchar(40);
