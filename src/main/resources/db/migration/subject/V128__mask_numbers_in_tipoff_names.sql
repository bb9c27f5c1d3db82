-- A tip-off's subject name, reporter name and reporter contact were stored as typed until they were masked on
-- filing like its facts: a number typed there stayed in clear (RULES.md §10). A one-time pass per column masks them
-- (MaskingStoredTexts, as V117 and V119 for the other citizens' texts); a column with no candidate starts finished.
INSERT INTO subject.masking_pass (text_code, text_version, started_at, progressed_at, finished_at, audited_at)
SELECT code, 1, now(), now(), CASE WHEN candidates THEN NULL ELSE now() END,
       CASE WHEN candidates THEN NULL ELSE now() END
FROM (VALUES
    ('portal.tipoff.subject_name',
     EXISTS (SELECT 1 FROM portal.tipoff WHERE subject_name ~ '[0-9０-９]{14}|([0-9][ -]?){17}[0-9Xx]')),
    ('portal.tipoff.reporter_name',
     EXISTS (SELECT 1 FROM portal.tipoff WHERE reporter_name ~ '[0-9０-９]{14}|([0-9][ -]?){17}[0-9Xx]')),
    ('portal.tipoff.reporter_contact',
     EXISTS (SELECT 1 FROM portal.tipoff WHERE reporter_contact ~ '[0-9０-９]{14}|([0-9][ -]?){17}[0-9Xx]'))
) AS t (code, candidates);
