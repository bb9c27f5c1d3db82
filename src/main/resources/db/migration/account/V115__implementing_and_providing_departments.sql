-- The departments the seeded catalogues name but the directory lacked (issues #4, #5). The measures catalogue (V13)
-- names implementing departments (RULES.md §7: each measure has one) and the base information catalogue names
-- providers (RULES.md §2) that no department row stood for, so pages showed their bare codes, the credit office could
-- not see them fall silent (RULES.md §12) and no account could deliver or check for them. They are the city's bureaux
-- under their usual names. A provider sees, beyond public records, those of the items it provides (its data scope,
-- least privilege: RULES.md §10); a responding unit only acts on checks. A city that already registered a code keeps
-- its own row. The demo's departments (court, tax, market regulator, HRSS, …) stay with the demo runner.
INSERT INTO account.department (id, code, name, kind, data_scope) VALUES
    -- Implementing departments of the measures (限制参与政府采购和公共资源交易、限制申请政府补贴资金、限制担任国企高管).
    ('00000000-0000-7000-8000-000000000101', 'SASAC', '市人民政府国有资产监督管理委员会', 'RESPONDING_UNIT', '{}'),
    ('00000000-0000-7000-8000-000000000102', 'FINANCE', '市财政局', 'RESPONDING_UNIT', '{}'),
    ('00000000-0000-7000-8000-000000000103', 'PUBLIC_RESOURCES', '市公共资源交易中心', 'RESPONDING_UNIT', '{}'),
    ('00000000-0000-7000-8000-000000000104', 'SCIENCE', '市科学技术局', 'DATA_PROVIDER',
     ARRAY['P_ACADEMIC_MISCONDUCT']),
    -- Providers of the base catalogue's items; the enforcement agencies deliver administrative penalties and licences.
    ('00000000-0000-7000-8000-000000000105', 'PUBLIC_SECURITY', '市公安局', 'DATA_PROVIDER',
     ARRAY['P_DRUNK_DRIVING', 'P_GOOD_SAMARITAN', 'P_ADMIN_PENALTY_MINOR', 'P_ADMIN_PENALTY_GENERAL',
           'P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_LICENCE', 'O_ADMIN_PENALTY_GENERAL', 'O_ADMIN_PENALTY_SERIOUS']),
    ('00000000-0000-7000-8000-000000000106', 'ECOLOGY', '市生态环境局', 'DATA_PROVIDER',
     ARRAY['P_ADMIN_PENALTY_MINOR', 'P_ADMIN_PENALTY_GENERAL', 'P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_LICENCE',
           'O_ADMIN_PENALTY_GENERAL', 'O_ADMIN_PENALTY_SERIOUS']),
    ('00000000-0000-7000-8000-000000000107', 'EMERGENCY', '市应急管理局', 'DATA_PROVIDER',
     ARRAY['P_ADMIN_PENALTY_MINOR', 'P_ADMIN_PENALTY_GENERAL', 'P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_LICENCE',
           'O_ADMIN_PENALTY_GENERAL', 'O_ADMIN_PENALTY_SERIOUS']),
    ('00000000-0000-7000-8000-000000000108', 'TRANSPORT', '市交通运输局', 'DATA_PROVIDER',
     ARRAY['P_ADMIN_PENALTY_MINOR', 'P_ADMIN_PENALTY_GENERAL', 'P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_LICENCE',
           'O_ADMIN_PENALTY_GENERAL', 'O_ADMIN_PENALTY_SERIOUS']),
    ('00000000-0000-7000-8000-000000000109', 'HOUSING', '市住房和城乡建设局', 'DATA_PROVIDER',
     ARRAY['P_COMMITMENT', 'P_COMMITMENT_BREACH', 'P_ADMIN_PENALTY_MINOR', 'P_ADMIN_PENALTY_GENERAL',
           'P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_LICENCE', 'O_ADMIN_PENALTY_GENERAL', 'O_ADMIN_PENALTY_SERIOUS']),
    ('00000000-0000-7000-8000-000000000110', 'EDUCATION', '市教育局', 'DATA_PROVIDER',
     ARRAY['P_EXAM_CHEATING', 'P_ACADEMIC_MISCONDUCT', 'P_STUDENT_LOAN_DEFAULT', 'P_COMMITMENT',
           'P_COMMITMENT_BREACH', 'P_QUALIFICATION', 'P_QUALIFICATION_REVOKED']),
    ('00000000-0000-7000-8000-000000000111', 'MEDICAL_INSURANCE', '市医疗保障局', 'DATA_PROVIDER',
     ARRAY['P_MEDICAL_INSURANCE_FRAUD']),
    ('00000000-0000-7000-8000-000000000112', 'JUSTICE', '市司法局', 'DATA_PROVIDER',
     ARRAY['P_QUALIFICATION', 'P_QUALIFICATION_REVOKED']),
    ('00000000-0000-7000-8000-000000000113', 'CIVIL_AFFAIRS', '市民政局', 'DATA_PROVIDER',
     ARRAY['P_CHARITABLE_DONATION', 'O_REGISTRATION'])
ON CONFLICT (code) DO NOTHING;
