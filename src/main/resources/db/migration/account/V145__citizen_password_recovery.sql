-- Citizen password recovery (找回密码, issue #3): a request between the form and the SMS code, kept in the database as
-- registrations are (V141), so that any instance completes it. A row is written for every request, whether or not the
-- number has an account: the answer and the limits then behave alike for both, and never tell whether it has one.
-- citizen_id is empty when nothing was sent (unknown number, wrong name, no phone on file). No identity number: the
-- number typed is kept as its keyed pseudonym (HMAC-SM3), the code as a keyed hash bound to the row.
-- Rows stay an hour after they are made, used or not, for the per-number hourly limit, then are deleted.
CREATE TABLE account.pending_recovery (
    id               uuid PRIMARY KEY,
    number_pseudonym text        NOT NULL,
    citizen_id       uuid REFERENCES account.citizen (id) ON DELETE CASCADE,
    code_hash        text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used             boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL
);
-- The per-number limits read the codes sent for a number lately; the clean-up, what has aged out.
CREATE INDEX pending_recovery_number ON account.pending_recovery (number_pseudonym, created_at DESC);
CREATE INDEX pending_recovery_created ON account.pending_recovery (created_at);
CREATE INDEX pending_recovery_citizen ON account.pending_recovery (citizen_id);
