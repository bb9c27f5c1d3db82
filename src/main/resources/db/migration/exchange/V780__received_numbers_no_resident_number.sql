-- Gaps review xli V3 (rest of the rest): V666 lets a value without a star through when it has a unified social
-- credit code's shape and checks; a person's number in clear has them about once in 341. A resident identity number
-- (GB 11643) or a Hong Kong, Macao and Taiwan residence permit number is refused besides, as
-- ResidentIdentityNumber.parse would take it: 17 digits, the ISO 7064 MOD 11-2 check character at 18, a province's
-- (or a permit's 81-83) prefix and a real birth date at 7 to 14 (1890-2099: the function stays immutable; parse also
-- refuses a date after today). A credit code is refused only if it is all digits to 17, starts as a province does
-- (registration authorities 1 to 8 only: none of industry and commerce's 9, A, N, Y), has a real date at 7 to 14 and
-- both check characters agree: one to four in 10^5 of those codes' all-digit ones (generated), never a company's.
-- Left: a foreigner's permanent residence number (9 + province) is not asked here: its shape is a company's (91 + a
-- region code), and asking it would refuse companies' codes.
--
-- exchange.received is large and written by partners' batches: NOT VALID here, validated by V781. The function is
-- called only for a value without a star, after V666's, a few dozen operations.
CREATE FUNCTION exchange.is_resident_number(n text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN n !~ '^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])[0-9]{4}(189[0-9]|19[0-9]{2}|20[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$'
            THEN false
        WHEN substr(n, 13, 2)::int > extract(day FROM make_date(substr(n, 7, 4)::int, substr(n, 11, 2)::int, 1)
                                                 + interval '1 month - 1 day')
            THEN false
        ELSE substr('10X98765432', (SELECT sum(substr(n, i::int, 1)::int * w)
                                    FROM unnest('{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}'::int[])
                                         WITH ORDINALITY AS t (w, i))::int % 11 + 1, 1) = substr(n, 18, 1)
    END
$$;

ALTER TABLE exchange.received
    ADD CONSTRAINT received_number_not_resident CHECK (strpos(masked_number, '*') > 0
        OR NOT exchange.is_resident_number(masked_number)) NOT VALID;
