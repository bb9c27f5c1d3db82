-- Gaps review xli V10 (RULES.md §6: a repair application is decided within its deadline, extended once). The state
-- is read back by RepairStatus.valueOf on every page that shows the application: a value the code does not know
-- breaks them all. extension_days only grows, once (JdbcRepairs.extend, from 0); the feedback is due after the filing,
-- never before it (RepairDeadlines counts working days from the day of filing; a pause only moves it later). The day
-- of filing is the platform's day (Asia/Shanghai, as the embedded server and every daily job count it). A small table.
ALTER TABLE repair.application
    ADD CONSTRAINT application_status_known CHECK (status IN ('APPLIED', 'PROPOSED', 'APPROVED', 'REFUSED', 'ENDED',
        'WITHDRAWN')),
    ADD CONSTRAINT application_extension_not_negative CHECK (extension_days >= 0),
    ADD CONSTRAINT application_feedback_due_after_filing
        CHECK (feedback_due >= (filed_at AT TIME ZONE 'Asia/Shanghai')::date);
