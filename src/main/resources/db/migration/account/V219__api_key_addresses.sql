-- The networks an API key may be used from (CIDR blocks, normalised); empty for any address, as every key issued
-- before this migration. Proposed with the key, so the second administrator approves them with it.
ALTER TABLE account.api_client ADD COLUMN allowed_addresses text[] NOT NULL DEFAULT '{}';
ALTER TABLE account.api_client_proposal ADD COLUMN allowed_addresses text[] NOT NULL DEFAULT '{}';
