-- A person who corrects the dishonest conduct within the prior notice period and files proof is not listed (驻马店
-- 驻政办〔2017〕102号 四(三): "对在规定期限内纠正失信行为的，不再作为联合惩戒对象"; RULES.md §7, 国办发〔2020〕49号: the notice
-- exists so the person can act before the listing takes effect). The proof is an exit proposal on its own ground,
-- filed by the person in self-service or by staff at the counter, which a reviewer decides; while it waits it holds the
-- entry's effect (finding L2 of gaps review xxx).
ALTER TABLE listing.exit_proposal DROP CONSTRAINT exit_proposal_ground_check;
ALTER TABLE listing.exit_proposal
    ADD CONSTRAINT exit_proposal_ground_check CHECK (ground IN ('OBJECTION_UPHELD', 'REPAIRED', 'BASIS_REVOKED',
                                                                'ISSUER_REMOVED', 'OTHER', 'CORRECTED_IN_NOTICE'));
