-- When an API key stops being accepted (GB/T 22239-2019 level 3 §8.1.4.1 a) 定期更换, §8.1.4.2 c) 过期的账户; RULES.md
-- §10). Keys issued from now on get chengxin.api.key-validity (default 365 days) from their issue. Keys issued before
-- this migration count from the upgrade, so that no department system or lender is cut off at once by it. Demo keys
-- the platform seeds itself (created_by 'demo') stay without an expiry (NULL: never).
ALTER TABLE account.api_client ADD COLUMN expires_at timestamptz;
UPDATE account.api_client SET expires_at = now() + interval '365 days' WHERE created_by <> 'demo';
