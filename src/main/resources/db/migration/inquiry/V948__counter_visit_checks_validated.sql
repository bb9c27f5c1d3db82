-- Validates the checks V947 widened NOT VALID (gaps review xl U13 rest): the scan takes a lock that lets the window's
-- services go on (SHARE UPDATE EXCLUSIVE), in its own script, after V947's exclusive lock was released.
ALTER TABLE inquiry.counter_visit VALIDATE CONSTRAINT counter_visit_service_check;
ALTER TABLE inquiry.counter_visit VALIDATE CONSTRAINT counter_visit_check;
