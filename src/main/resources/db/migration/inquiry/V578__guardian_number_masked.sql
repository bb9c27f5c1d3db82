-- Gaps review xli V3 (RULES.md §10: identity numbers never in clear). A guardian's number at the counter is kept only
-- masked (CounterIdentityCheck: Masking.identityNumber of a 5-to-30-character number, always with stars); the table
-- now refuses it in clear. One row per counter visit: a small table.
ALTER TABLE inquiry.counter_visit
    ADD CONSTRAINT counter_visit_guardian_number_masked CHECK (guardian_number_masked IS NULL
        OR strpos(guardian_number_masked, '*') > 0);
