-- Gaps review xxxi M7: a department's or an institution's key names the networks it may be used from, or "any address"
-- is an explicit choice with a written reason, kept with the proposal and the key so that the approving administrator
-- and later readers see why. A key that names networks needs no reason, so the two never stand together. Keys issued
-- before this migration keep no reason: the API clients page marks them and 工作台 counts them.
ALTER TABLE account.api_client_proposal ADD COLUMN any_address_reason text
    CHECK (any_address_reason IS NULL OR (cardinality(allowed_addresses) = 0 AND length(any_address_reason) <= 200));
ALTER TABLE account.api_client ADD COLUMN any_address_reason text
    CHECK (any_address_reason IS NULL OR (cardinality(allowed_addresses) = 0 AND length(any_address_reason) <= 200));
