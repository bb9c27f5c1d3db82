-- An institution keeps its identity across its keys (gaps review xxix K2; RULES.md §9: a person authorises an
-- institution; §10: keys expire a year after issue and are replaced through the two-administrator proposal). Until
-- now a citizen's consent and a benefit's binding named one key, so the renewal due every year, or a rotation after a
-- leak, cut the bank off its customers' consents (CONSENT_MISSING) and the library off its benefits
-- (BENEFITS_NOT_PROVIDED).
--
-- institution_id: the organisation the key is issued to (a department's system, an institution or a partner
-- platform). A key proposed afresh founds one, named by its own id; a renewal's key joins its predecessor's. Every key
-- issued before this migration founds its own, so the ids that inquiry.consent and scoring.benefit.provider_clients
-- already hold are institution ids: nothing else moves.
ALTER TABLE account.api_client ADD COLUMN institution_id uuid;
UPDATE account.api_client SET institution_id = id;
ALTER TABLE account.api_client ALTER COLUMN institution_id SET NOT NULL;
CREATE INDEX api_client_institution ON account.api_client (institution_id);

-- A proposal that renews a key: approved, it issues the successor to the same institution, bound as the predecessor.
ALTER TABLE account.api_client_proposal ADD COLUMN renews uuid REFERENCES account.api_client (id);
