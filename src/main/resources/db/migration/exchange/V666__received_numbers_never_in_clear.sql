-- Gaps review xli V3 (rest; RULES.md §10: identity numbers masked on every screen, 1101**********002X). What is
-- received keeps the subject's number as the registry displays it (Receiving: IdentityDocument.masked): a person's
-- always with stars, an organisation's unified social credit code public and kept as it is. exchange.received keeps
-- no document type (a message's type only chooses the registry's reading), so V572's exemption by type cannot be
-- written here: the exemption is the code's own shape instead. A value without a star must be a unified social credit
-- code the registry would accept (UnifiedSocialCreditCode.parse: GB 32100 charset and layout, registration
-- authority, the GB 11714 organisation-code check at 17 and the MOD 31 check at 18): a person's number in clear passes
-- both checks about once in 341 (and only if it has the layout), any other document's never.
--
-- exchange.received is one of the largest tables and is written by partners' batches: NOT VALID here, validated by
-- V667. The function is called only for a value without a star (an organisation's), a few dozen operations.
CREATE FUNCTION exchange.is_credit_code(code text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT code ~ '^[1-9ANY][0-9A-HJ-NP-RTUW-Y][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$'
        AND substr('0123456789X', (11 - (SELECT sum((strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                                                           substr(code, 8 + i::int, 1)) - 1) * w)
                                         FROM unnest('{3, 7, 9, 10, 5, 8, 4, 2}'::int[]) WITH ORDINALITY AS t (w, i))
                                        ::int % 11) % 11 + 1, 1) = substr(code, 17, 1)
        AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                   (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i::int, 1)) - 1) * w)
                          FROM unnest('{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}'::int[])
                               WITH ORDINALITY AS t (w, i))::int % 31) % 31 + 1, 1) = substr(code, 18, 1)
$$;

ALTER TABLE exchange.received
    ADD CONSTRAINT received_number_masked CHECK (strpos(masked_number, '*') > 0
        OR exchange.is_credit_code(masked_number)) NOT VALID;

-- A batch's rejected rows and the warnings on its accepted ones show the number each row was sent with, masked
-- (ingestion.domain.MaskedNumber: every value, valid or not, through Masking.identityNumber, which always leaves stars;
-- null when the row had none). They grow with every batch: NOT VALID here too, validated by V667.
ALTER TABLE ingestion.row_error
    ADD CONSTRAINT row_error_number_masked CHECK (strpos(subject_masked, '*') > 0) NOT VALID;
ALTER TABLE ingestion.row_warning
    ADD CONSTRAINT row_warning_number_masked CHECK (strpos(subject_masked, '*') > 0) NOT VALID;
