-- Gaps review xxxvii-api R7: an integrator replaces its own key (POST /api/v1/keys/rotate), so that the secret the
-- approving system administrator saw stops working and only the institution's system holds the one in use.
--
-- rotated_from: the key this one replaced by its holder's rotation (null for a key two administrators issued). The new
-- key keeps everything else of it: institution, department, permissions, rate, networks and expiry (a rotation changes
-- the secret, never the lifetime two administrators decided, RULES.md §10).
-- replaced_at: when the key stops being accepted because its holder rotated it: the rotation's instant plus the overlap
-- the holder asked for (so that its instances can switch); null for a key never rotated.
ALTER TABLE account.api_client ADD COLUMN rotated_from uuid REFERENCES account.api_client (id);
ALTER TABLE account.api_client ADD COLUMN replaced_at timestamptz;
