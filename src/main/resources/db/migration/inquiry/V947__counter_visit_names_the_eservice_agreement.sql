-- Gaps review xl U13 rest (session xlv): a confirmation of electronic service (电子送达确认书) signed on paper and recorded
-- at the window, or an agreement withdrawn there, is a counter service like a report or a consent: the clerk's list
-- 我在窗口办理的事项 shows it with the identity check it rested on. The visit names the agreement (account's
-- electronic_service_agreement: another module's table, so by id only, no foreign key).
-- The checks are widened NOT VALID (no scan under the exclusive lock) and validated by V948.
ALTER TABLE inquiry.counter_visit ADD COLUMN agreement_id uuid;
ALTER TABLE inquiry.counter_visit DROP CONSTRAINT counter_visit_service_check;
ALTER TABLE inquiry.counter_visit DROP CONSTRAINT counter_visit_check;
ALTER TABLE inquiry.counter_visit
    ADD CONSTRAINT counter_visit_service_check
        CHECK (service IN ('REPORT', 'CONSENT', 'CONSENT_WITHDRAWAL', 'ESERVICE', 'ESERVICE_WITHDRAWAL')) NOT VALID,
    ADD CONSTRAINT counter_visit_check
        CHECK ((service = 'REPORT') = (report_id IS NOT NULL)
               AND (service IN ('CONSENT', 'CONSENT_WITHDRAWAL')) = (consent_id IS NOT NULL)
               AND (service IN ('ESERVICE', 'ESERVICE_WITHDRAWAL')) = (agreement_id IS NOT NULL)) NOT VALID;
