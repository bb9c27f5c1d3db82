-- A tip-off is kept no longer than its purpose needs (I7; PIPL Art. 19 and Art. 47): once it has been closed (rejected
-- or resolved) for chengxin.tipoff.retention (3 years by default), the nightly TipOffRetention empties the allegation
-- (the facts, the reported name, masked number, pseudonym and subject) and the reporter, and marks it purged; the
-- status, the dates, the kind of subject reported and the reply the reporter reads with the receipt code stay.
ALTER TABLE portal.tipoff ADD COLUMN purged_at timestamptz;

-- A purged tip-off keeps the type of document the subject was reported with (the console's kinds), not its pseudonym.
ALTER TABLE portal.tipoff DROP CONSTRAINT tipoff_number_never_clear,
    ADD CONSTRAINT tipoff_number_never_clear
        CHECK (subject_document IS NULL OR subject_pseudonym IS NOT NULL OR purged_at IS NOT NULL);

CREATE INDEX tipoff_closed_unpurged ON portal.tipoff (handled_at)
    WHERE status IN ('REJECTED', 'RESOLVED') AND purged_at IS NULL;
