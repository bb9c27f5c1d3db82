-- 撤回查询授权 at the window (gaps review xxix K1; RULES.md §9: consent can be withdrawn, PIPL Art. 15): what was
-- granted at the counter can be withdrawn there, by the person or a child's guardian after the same identity check.
-- The withdrawal is a counter service of its own, naming the consent withdrawn; the consent's withdrawn_by is
-- 'counter'.
ALTER TABLE inquiry.counter_visit DROP CONSTRAINT counter_visit_service_check;
ALTER TABLE inquiry.counter_visit DROP CONSTRAINT counter_visit_check;
ALTER TABLE inquiry.counter_visit
    ADD CONSTRAINT counter_visit_service_check CHECK (service IN ('REPORT', 'CONSENT', 'CONSENT_WITHDRAWAL')),
    ADD CONSTRAINT counter_visit_check CHECK ((service = 'REPORT') = (report_id IS NOT NULL)
                                             AND (service <> 'REPORT') = (consent_id IS NOT NULL));
