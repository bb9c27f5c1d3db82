-- The reporter of a tip-off is personal information the office needs only to reach him (I7; RULES.md §10, PIPL
-- Art. 51): his name and contact are sealed (SM4-GCM bound to the purpose 'tipoff-reporter', as citizens' phones
-- are) and opened only on an audited look with a purpose. The existing columns keep a masked form for the console.
-- Rows stored before keep the clear values until TipOffReporters' pass on start seals them, a chunk per
-- transaction: a row is still to seal while it has a reporter value and no ciphertext.
ALTER TABLE portal.tipoff
    ADD COLUMN reporter_name_cipher         bytea,
    ADD COLUMN reporter_name_key_version    integer,
    ADD COLUMN reporter_contact_cipher      bytea,
    ADD COLUMN reporter_contact_key_version integer;

COMMENT ON COLUMN portal.tipoff.reporter_name IS 'masked (张*明); the name only sealed in reporter_name_cipher';
COMMENT ON COLUMN portal.tipoff.reporter_contact IS 'masked (139****1111); the contact only sealed in reporter_contact_cipher';

CREATE INDEX tipoff_reporter_in_clear ON portal.tipoff (id)
    WHERE (reporter_name IS NOT NULL AND reporter_name_cipher IS NULL)
       OR (reporter_contact IS NOT NULL AND reporter_contact_cipher IS NULL);
