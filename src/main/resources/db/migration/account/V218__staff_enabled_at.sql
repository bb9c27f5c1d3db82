-- When a staff account was last enabled, so that an account an administrator enables again after the dormant-account
-- job disabled it (GB/T 22239-2019 §8.1.4.2 c)) gets a fresh grace instead of being disabled again the next night.
ALTER TABLE account.staff_user ADD COLUMN enabled_at timestamptz;
