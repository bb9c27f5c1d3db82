-- When a staff password was set, so that it can age (GB/T 22239-2019 §8.1.4.1 a), 定期更换) and a temporary one can
-- expire. Passwords set before this migration count from the upgrade: nobody is forced to change at once by it.
ALTER TABLE account.staff_user ADD COLUMN password_set_at timestamptz NOT NULL DEFAULT now();
