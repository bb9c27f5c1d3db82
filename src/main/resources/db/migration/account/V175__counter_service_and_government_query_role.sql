-- 政务查询 (gaps review xxiii F3; RULES.md §9 "within statutory duties", §10 least privilege): a department's
-- data-submission clerk (部门报送人员) sends records and answers routed objections; querying a person's report is
-- the work of the department's 信用管理 staff. The permission moves to a role of their own, which the security
-- administrator assigns to those staff; no existing user is given it here (each assignment is a decision).
INSERT INTO account.role (id, code, name, name_en, admin_kind) VALUES
    ('00000000-0000-7000-8000-000000000006', 'DEPT_CREDIT', '部门信用管理人员', 'Department credit officer', NULL)
ON CONFLICT (code) DO NOTHING;

INSERT INTO account.role_permission (role_id, permission)
SELECT id, p.permission FROM account.role, (VALUES ('console:home'), ('inquiry:government')) AS p (permission)
WHERE code = 'DEPT_CREDIT'
ON CONFLICT DO NOTHING;

DELETE FROM account.role_permission
WHERE permission = 'inquiry:government'
  AND role_id = (SELECT id FROM account.role WHERE code = 'DEPT_OPERATOR');

-- 窗口查询 (gaps review xxiii F11; RULES.md §6, §9): the credit office's window serves a person who cannot use
-- self-service, or a child's guardian, with the person's own report (counted against the free ones) and a consent
-- for an institution. The credit office's staff already run that window for objections, repairs and citizen
-- accounts (窗口代办, account:citizen:manage), so their role holds it; a department's role does not, as the refusals
-- send people to the credit office.
INSERT INTO account.role_permission (role_id, permission)
SELECT id, 'inquiry:counter' FROM account.role WHERE code = 'CREDIT_OFFICE'
ON CONFLICT DO NOTHING;

-- The identity check of each counter service: the person's document seen and, for a guardian, their name, the
-- document seen (its number masked: RULES.md §10) and the proof of guardianship; the clerk who checked it.
CREATE TABLE inquiry.counter_visit (
    id                     uuid PRIMARY KEY,
    subject_id             uuid        NOT NULL,
    service                text        NOT NULL CHECK (service IN ('REPORT', 'CONSENT')),
    report_id              uuid REFERENCES inquiry.report (id),
    consent_id             uuid REFERENCES inquiry.consent (id),
    person_document        text        NOT NULL,
    by_guardian            boolean     NOT NULL,
    guardian_name          text,
    guardian_document      text,
    guardian_number_masked text,
    guardianship_proof     text,
    clerk_id               text        NOT NULL,
    clerk_name             text        NOT NULL,
    served_at              timestamptz NOT NULL,
    CHECK ((service = 'REPORT') = (report_id IS NOT NULL) AND (service = 'CONSENT') = (consent_id IS NOT NULL)),
    CHECK (by_guardian = (guardian_name IS NOT NULL AND guardian_document IS NOT NULL
                          AND guardian_number_masked IS NOT NULL AND guardianship_proof IS NOT NULL))
);
CREATE INDEX counter_visit_clerk ON inquiry.counter_visit (clerk_id, served_at DESC);
CREATE INDEX counter_visit_subject ON inquiry.counter_visit (subject_id, served_at DESC);
