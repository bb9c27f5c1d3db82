-- G12 (RULES.md §5, §8; PIPL Art. 24): a reviewer who finds that a record behind the score may be wrong answers the
-- review by filing an objection on that record for the person (转异议处理); the review keeps the objection it opened,
-- whose reference the person is told.
ALTER TABLE scoring.review DROP CONSTRAINT review_outcome_check;
ALTER TABLE scoring.review ADD CONSTRAINT review_outcome_check
    CHECK (outcome IN ('UPHELD', 'RESCORED', 'OBJECTION'));
ALTER TABLE scoring.review ADD COLUMN objection_id uuid;
