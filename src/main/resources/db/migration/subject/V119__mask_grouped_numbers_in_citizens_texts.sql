-- V117's passes started only for columns holding 14 digits in a row; texts written since the last session were masked
-- on writing, but only of numbers written in one run: one written in groups ("110105-19491231-002X", "4101 0519 9003
-- 0712 34") was kept in clear until masking learnt groups. A second pass per column masks those too (the masking is
-- idempotent; MaskingStoredTexts runs every unfinished pass and audits them together once all have finished).
INSERT INTO subject.masking_pass (text_code, text_version, started_at, progressed_at, finished_at, audited_at)
SELECT code, 2, now(), now(), CASE WHEN candidates THEN NULL ELSE now() END,
       CASE WHEN candidates THEN NULL ELSE now() END
FROM (VALUES
    ('objection.objection.reasons',
     EXISTS (SELECT 1 FROM objection.objection WHERE reasons ~ '([0-9][ -]?){17}[0-9Xx]')),
    ('repair.application.performance',
     EXISTS (SELECT 1 FROM repair.application WHERE performance ~ '([0-9][ -]?){17}[0-9Xx]')),
    ('inquiry.statement.text', EXISTS (SELECT 1 FROM inquiry.statement WHERE text ~ '([0-9][ -]?){17}[0-9Xx]')),
    ('portal.tipoff.facts', EXISTS (SELECT 1 FROM portal.tipoff WHERE facts ~ '([0-9][ -]?){17}[0-9Xx]'))
) AS t (code, candidates);
