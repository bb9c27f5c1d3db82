-- A password an administrator set (a reset, or a new user's first one) is temporary: its holder must change it at the
-- next sign-in. Who set it, and who last reset the authenticator, are kept until then, so that one administrator cannot
-- reset both factors of the same account and sign in as its holder (RULES.md §10: separation of duties).
ALTER TABLE account.staff_user
    ADD COLUMN password_temporary     boolean NOT NULL DEFAULT false,
    ADD COLUMN password_set_by        text,
    ADD COLUMN second_factor_reset_by text;
