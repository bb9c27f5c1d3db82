-- Gaps review xli V3 (RULES.md §10: identity numbers never in clear). A staff member's resident identity number is
-- kept as its blind index and its mask for recusal (V260; StaffDirectory: RESIDENT_ID only, masked with stars); the
-- table now refuses the number in clear.
ALTER TABLE account.staff_user
    ADD CONSTRAINT staff_user_identity_masked CHECK (identity_masked IS NULL OR strpos(identity_masked, '*') > 0);
