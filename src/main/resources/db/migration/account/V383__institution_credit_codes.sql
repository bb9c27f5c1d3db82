-- 统一社会信用代码 of the institutions keys are issued to (gaps review xxx L4; GB 32100-2015): optional, asked on a key
-- proposal and carried by its key and the key's renewals; an entry of the violation register (违规机构名单) may name
-- it, and then bans every institution of that code, however its name is written ("某某银行" and
-- "某某银行股份有限公司"). Stored canonical (upper case, no spaces); the application checks the check characters.
ALTER TABLE account.api_client_proposal ADD COLUMN credit_code text
    CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
ALTER TABLE account.api_client ADD COLUMN credit_code text
    CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
ALTER TABLE account.institution_violation ADD COLUMN credit_code text
    CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
