-- Court defaulters (失信被执行人) are listed for two years (RULES.md §7; 法释〔2017〕7号第二条: 纳入失信被执行人名单的期限为
-- 二年, extended by one to three years only by the court, for aggravating grounds), as the rule's own exit condition says
-- ("公布期满（一般 2 年）"). V12 seeded the rule without a validity, so an entry stayed in force as long as its record is
-- published: three years for this serious item, and the effective notice named a last day a year after the two years it
-- spoke of (issue #5). The catalogue item carries no listing period of the court's nor its aggravating grounds, so the
-- entry's validity is the rule's: 24 months from the decision date.
--
-- Rules are versioned data (V12, V93): the change is a new version of the rule, in force, with every other field as the
-- version in force; the versions before stay in the history as they were. It is applied only where the rule in force
-- still has no validity: a credit office that has set one itself keeps its own decision. A version waiting for review
-- then still carries no validity and can no longer be approved (ListRule.problems): the reviewer sends it back.
--
-- Entries keep the validity they were proposed with, as they keep the notice period and exit conditions of the version
-- that proposed them (Listing.ruleOf): an entry proposed under version 1, waiting or in force, ends on the last day
-- stored with it; the credit office ends one earlier by a decision (移出), which notifies the subject. No pass over the
-- holders is started, as an approval would: a shorter validity proposes no one the version before did not.
DO $$
DECLARE
    in_force listing.rule;
BEGIN
    SELECT * INTO in_force FROM listing.rule WHERE code = 'BLACK_COURT_DEFAULTER' AND current;
    IF NOT FOUND OR in_force.validity_months IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE listing.rule SET current = false WHERE code = in_force.code AND current;
    INSERT INTO listing.rule (code, version, current, status, list_type, name, item_codes, condition_field,
                              condition_min, legal_basis, validity_months, notice_days, exit_conditions, enabled,
                              changed_by, proposer_name, changed_at)
    SELECT in_force.code, max(version) + 1, true, 'APPROVED', in_force.list_type, in_force.name, in_force.item_codes,
           in_force.condition_field, in_force.condition_min, in_force.legal_basis, 24, in_force.notice_days,
           in_force.exit_conditions, in_force.enabled, 'system', '平台升级（V114：失信被执行人名单有效期 2 年）', now()
    FROM listing.rule WHERE code = in_force.code;
END $$;
