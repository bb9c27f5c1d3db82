-- Finding G1: when the credit office unbinds an account registered in someone else's name, the consents it granted are
-- withdrawn and the statements it wrote are set aside (kept as evidence, no longer printed). Self-closure withdraws the
-- consents still open. withdrawn_by: 'self' (the person), 'unbind' or 'closure'; NULL for rows withdrawn before.
ALTER TABLE inquiry.consent ADD COLUMN withdrawn_by text;
ALTER TABLE inquiry.statement ADD COLUMN set_aside_at timestamptz;
ALTER TABLE inquiry.statement ADD COLUMN set_aside_why text;
ALTER TABLE inquiry.statement ADD CONSTRAINT statement_set_aside_why CHECK ((set_aside_at IS NULL) = (set_aside_why IS NULL));
