-- A citizen whose phone number is no longer theirs and who forgot the password (gaps review xxix K4) gets their new
-- phone bound to the same account at the window, by two people (双人复核, RULES.md §10), instead of having the account
-- unbound, which sets aside what it chose for the person. The proposal carries the new phone, checked with the
-- real-name provider and proved by the code the person typed at the window: sealed as account.citizen seals it, with
-- its pseudonym (to refuse a phone another account holds) and its masked form (for the list). The sealed phone is kept
-- only while the proposal waits: a decided proposal keeps the masked form alone.
ALTER TABLE account.citizen_account_proposal
    ADD COLUMN phone_pseudonym   text,
    ADD COLUMN phone_masked      text,
    ADD COLUMN phone_cipher      bytea,
    ADD COLUMN phone_key_version int;

ALTER TABLE account.citizen_account_proposal DROP CONSTRAINT citizen_account_proposal_action_check;
ALTER TABLE account.citizen_account_proposal ADD CONSTRAINT citizen_account_proposal_action_check
    CHECK (action IN ('SUSPEND', 'RESUME', 'UNBIND', 'REBIND_PHONE'));
ALTER TABLE account.citizen_account_proposal ADD CONSTRAINT citizen_account_proposal_new_phone
    CHECK ((action = 'REBIND_PHONE') = (phone_masked IS NOT NULL)
           AND (action = 'REBIND_PHONE' AND status = 'PENDING') = (phone_cipher IS NOT NULL)
           AND (phone_cipher IS NULL) = (phone_key_version IS NULL)
           AND (phone_masked IS NULL) = (phone_pseudonym IS NULL));
