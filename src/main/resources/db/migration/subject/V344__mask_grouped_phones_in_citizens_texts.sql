-- A mobile number written in groups ("138 0013 8000", "139-1234-5678") was stored in clear (review M5, left by V313;
-- RULES.md §10, PIPL Art. 4): masking now knows it (IdentityRedaction). One more pass per column masks the texts
-- stored before (MaskingStoredTexts, as V313). None for a tip-off's reporter contact, which keeps its phone sealed.
-- A column holding no such shape starts finished.
INSERT INTO subject.masking_pass (text_code, text_version, started_at, progressed_at, finished_at, audited_at)
SELECT code, version, now(), now(), CASE WHEN candidates THEN NULL ELSE now() END,
       CASE WHEN candidates THEN NULL ELSE now() END
FROM (VALUES
    ('objection.objection.reasons', 4, EXISTS (SELECT 1 FROM objection.objection
        WHERE reasons ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}')),
    ('repair.application.performance', 4, EXISTS (SELECT 1 FROM repair.application
        WHERE performance ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}')),
    ('inquiry.statement.text', 4, EXISTS (SELECT 1 FROM inquiry.statement
        WHERE text ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}')),
    ('portal.tipoff.facts', 4, EXISTS (SELECT 1 FROM portal.tipoff
        WHERE facts ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}')),
    ('portal.tipoff.subject_name', 3, EXISTS (SELECT 1 FROM portal.tipoff
        WHERE subject_name ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}')),
    ('portal.tipoff.reporter_name', 3, EXISTS (SELECT 1 FROM portal.tipoff
        WHERE reporter_name ~ '[1１][3-9３-９][0-9０-９][ 　-][0-9０-９]{4}[ 　-][0-9０-９]{4}'))
) AS t (code, version, candidates);
