-- Where a subject's registered name came from (gaps review xxvii I9, issue #9; RULES.md §1: the number is the key, the
-- name is checked against it). A platform that relays messages (a province, or a city with county platforms) registers
-- each subject it relays under the name the message carried: EXCHANGE, provisional, not held against anyone. The first
-- row one of its own departments delivers (DEPARTMENT) or a citizen's real-name registration (CITIZEN) sets it; so does
-- an approved name change (REVIEW). Every other way a subject is registered gives it a department's name.
ALTER TABLE subject.subject ADD COLUMN name_source text NOT NULL DEFAULT 'DEPARTMENT'
    CHECK (name_source IN ('DEPARTMENT', 'EXCHANGE', 'CITIZEN', 'REVIEW'));

-- Only a relayed message registered a subject without a name (the sender left it out); no department's row has none.
UPDATE subject.subject SET name_source = 'EXCHANGE' WHERE name = '';
