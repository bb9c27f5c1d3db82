-- Masking knew only resident-type numbers: a passport, a 港澳/台湾 travel permit, an old foreign permanent residence
-- permit or a mobile number written into a citizen's text was stored in clear (review M5; RULES.md §1, §10). Masking
-- now knows them (IdentityRedaction); one more pass per column masks the texts stored before (MaskingStoredTexts, as
-- V117, V119 and V128). None for a tip-off's reporter contact: its phone number is what it is kept for, and it is
-- sealed (TipOffReporters). Every such number holds seven digits in a row; a column with none starts finished.
INSERT INTO subject.masking_pass (text_code, text_version, started_at, progressed_at, finished_at, audited_at)
SELECT code, version, now(), now(), CASE WHEN candidates THEN NULL ELSE now() END,
       CASE WHEN candidates THEN NULL ELSE now() END
FROM (VALUES
    ('objection.objection.reasons', 3, EXISTS (SELECT 1 FROM objection.objection WHERE reasons ~ '[0-9０-９]{7}')),
    ('repair.application.performance', 3,
     EXISTS (SELECT 1 FROM repair.application WHERE performance ~ '[0-9０-９]{7}')),
    ('inquiry.statement.text', 3, EXISTS (SELECT 1 FROM inquiry.statement WHERE text ~ '[0-9０-９]{7}')),
    ('portal.tipoff.facts', 3, EXISTS (SELECT 1 FROM portal.tipoff WHERE facts ~ '[0-9０-９]{7}')),
    ('portal.tipoff.subject_name', 2, EXISTS (SELECT 1 FROM portal.tipoff WHERE subject_name ~ '[0-9０-９]{7}')),
    ('portal.tipoff.reporter_name', 2, EXISTS (SELECT 1 FROM portal.tipoff WHERE reporter_name ~ '[0-9０-９]{7}'))
) AS t (code, version, candidates);
