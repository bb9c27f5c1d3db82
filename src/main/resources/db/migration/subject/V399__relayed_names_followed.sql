-- A relayed subject's name kept right (gaps review xxvii I9, session xxxv). A relaying platform registers a subject new
-- to it under the name of the message it first relays (EXCHANGE, provisional, V242). The platform that message came
-- from is the subject's origin here (name_origin): a later message of the origin carrying another name is that
-- platform's change of the name, followed here (ORIGIN: no longer provisional, held against rows as a name of this
-- platform's is), the name it replaces kept as a former name (曾用名) with its period, written by no proposal but by the
-- origin's message. A subject registered with no name (older senders left it out) keeps the empty name as a
-- placeholder, shown as 未提供, until the first message carrying a name gives it.
ALTER TABLE subject.subject DROP CONSTRAINT subject_name_source_check;
-- NOT VALID (the migration rule, README 升级): the new check only widens the old one, which every row met, so no scan
-- of the registry is needed to know they meet it.
ALTER TABLE subject.subject ADD CONSTRAINT subject_name_source_check
    CHECK (name_source IN ('DEPARTMENT', 'EXCHANGE', 'CITIZEN', 'REVIEW', 'ORIGIN')) NOT VALID;
ALTER TABLE subject.subject ADD COLUMN name_origin text;

ALTER TABLE subject.former_name ALTER COLUMN proposal_id DROP NOT NULL;
ALTER TABLE subject.former_name ADD COLUMN origin text;
ALTER TABLE subject.former_name ADD CONSTRAINT former_name_written_by
    CHECK (proposal_id IS NOT NULL OR origin IS NOT NULL);
