-- J4: a clerk who is the subject of a repair, an objection or a list entry stands aside from it (回避). A staff account
-- may hold its holder's identity number as the registry's blind index (the subject pseudonym, never the number) and
-- the number masked for the users page; both or neither. Several accounts of one person may hold the same index.
ALTER TABLE account.staff_user
    ADD COLUMN identity_pseudonym text,
    ADD COLUMN identity_masked    text,
    ADD CONSTRAINT staff_user_identity_whole CHECK ((identity_pseudonym IS NULL) = (identity_masked IS NULL));
