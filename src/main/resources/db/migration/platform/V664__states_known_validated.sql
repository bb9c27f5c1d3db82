-- Gaps review xli V10: V662's and V663's constraints on the largest tables proven for the rows stored before them, in
-- a migration of their own (VALIDATE CONSTRAINT takes a lock that lets reports be issued and messages be received and
-- queued while it scans; in the script that added them the ADD's lock would be held through the scan). A row it
-- refuses holds a state the code cannot read: correct it as the owner, then start again.
ALTER TABLE inquiry.report VALIDATE CONSTRAINT report_kind_known;
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_kind_known;
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_status_known;
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_list_type_known;
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_severity_known;
ALTER TABLE exchange.received VALIDATE CONSTRAINT received_period_ordered;
ALTER TABLE exchange.outbox VALIDATE CONSTRAINT outbox_status_known;
