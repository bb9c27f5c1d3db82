-- Gaps review xxvii I4 (session xxxv; GB/T 39786-2021: keys are updated over their life, and the log stays verifiable
-- for the ten years its events are kept, RULES.md §9): the row-sealing HMAC key has versions. Each row names the
-- version of the key that sealed it; every row sealed so far was sealed under the one key there was, version 1
-- (audit-row-mac.key). A constant default: PostgreSQL adds the column without rewriting the table.
ALTER TABLE audit.event ADD COLUMN mac_version smallint NOT NULL DEFAULT 1;
