-- Retention (gaps-review-xxxi M4; PIPL Art. 19, 47): a report's snapshot and PDF are emptied once their period after
-- the report's validity ends. Its number, kind, requester, purpose, SM3 and summary stay, so that verification still
-- answers and the query stays on record (RULES.md §9 keeps the query log, not the report's whole content).
ALTER TABLE inquiry.report ALTER COLUMN content DROP NOT NULL;
ALTER TABLE inquiry.report ALTER COLUMN pdf DROP NOT NULL;
ALTER TABLE inquiry.report ADD COLUMN emptied_at timestamptz;
ALTER TABLE inquiry.report ADD CONSTRAINT report_emptied
    CHECK ((content IS NULL) = (emptied_at IS NOT NULL) AND (pdf IS NULL) = (emptied_at IS NOT NULL));
CREATE INDEX report_to_empty ON inquiry.report (valid_until) WHERE emptied_at IS NULL;
