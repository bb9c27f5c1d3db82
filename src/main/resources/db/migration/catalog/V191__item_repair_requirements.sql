-- What an item's repair asks beyond proof of performance and the signed commitment (RULES.md §6: "Training and a
-- credit report may be required by sector rules"; finding #14 of docs/gaps-review.md). An attribute of the item's
-- definition, versioned with it and changed by maker-checker like the others.
-- Every stored version gets it. The base catalogue's serious negative items that the platform repairs ask for the
-- credit-repair training certificate and a credit report (BaseCatalogue.repairRequirementsByDefault); every other
-- item, including those the credit office made, asks for nothing more than before.
UPDATE catalog.item
SET definition = definition || jsonb_build_object('repairRequirements',
        CASE WHEN code IN ('P_ADMIN_PENALTY_SERIOUS', 'P_ACADEMIC_MISCONDUCT', 'P_SOCIAL_INSURANCE_FRAUD',
                           'P_MEDICAL_INSURANCE_FRAUD', 'P_DRUNK_DRIVING', 'P_QUALIFICATION_REVOKED',
                           'O_ADMIN_PENALTY_SERIOUS')
                  AND nature = 'NEGATIVE' AND severity = 'SERIOUS'
                  AND category NOT IN ('JUDICIAL', 'ABNORMAL_LIST', 'SERIOUS_DISHONESTY_LIST')
             THEN '["TRAINING", "CREDIT_REPORT"]'::jsonb ELSE '[]'::jsonb END)
WHERE NOT definition ? 'repairRequirements';
