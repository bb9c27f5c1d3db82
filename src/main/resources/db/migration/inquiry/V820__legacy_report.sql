-- Gaps review xliii X6 (a): the older platform's reports stay verifiable here through their validity, once its site is
-- off (a bank holding a report of last month). Loaded by the server command import-legacy-reports from the CSV the old
-- system exports; answered by POST /api/v1/reports/verifications and the 报告核验 page, as issued by the old platform
-- (its name), without content: only what verification needs is held. The verification code is kept as the SM3 of the
-- number and the code (LegacyReport.codeDigest), never in clear; no person, no identity number. A new, small table.
CREATE TABLE inquiry.legacy_report (
    number      text        PRIMARY KEY CHECK (number ~ '^[A-Z0-9]{1,40}$'),
    code_sm3    text        NOT NULL CHECK (code_sm3 ~ '^[0-9a-f]{64}$'),
    issued_on   date        NOT NULL,
    valid_until date        NOT NULL,
    platform    text        NOT NULL CHECK (length(platform) BETWEEN 1 AND 100),
    imported_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until >= issued_on)
);

COMMENT ON TABLE inquiry.legacy_report IS 'reports the older platform issued, verifiable here (number, code digest, validity)';
COMMENT ON COLUMN inquiry.legacy_report.code_sm3 IS 'hex SM3 of number, NUL, verification code: never the code';
COMMENT ON COLUMN inquiry.legacy_report.valid_until IS 'the last day (Beijing) on which the report is valid';
COMMENT ON COLUMN inquiry.legacy_report.platform IS 'the issuing (older) platform''s name, shown on verification';
