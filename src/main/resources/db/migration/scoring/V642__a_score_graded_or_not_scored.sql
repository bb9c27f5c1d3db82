-- Gaps review xli V9 (RULES.md §8: adults only, graded by a reviewed model). ScoreOutcome is either a score with its
-- grade (CompiledModel.gradeOf: every score in the model's range has a band) or "not scored" with one of four codes
-- (ScoreOutcome.NotScored) and neither score nor grade. The table took a grade without a score, a score with a "not
-- scored" code (a minor carrying a grade) and a code no page can read back.
--
-- scoring.score is one of the largest tables (MigrationRule): NOT VALID here, proven for the rows before by V643
-- without holding this statement's lock through the scan. Measured (docs/gaps-review-xli.md, V9's status): the two
-- checks cost no CPU the measurement could tell from its noise on 500,000 inserted rows.
--
-- Not here, measured and left out: the foreign key (model_code, model_version) → scoring.model of the review (V12).
-- Its look-up and lock of the model's row per inserted score doubled the insert's CPU in PostgreSQL (2.0 → 4.5 s for
-- 500,000 rows, one session), and on the ingestion bench, where the reactions' transactions share the active model's
-- row, took scoring's insert from 0.8–1.3 s to 2.4–2.5 s of 79,161 rows. Every writer takes the model from
-- scoring.model (Scoring.activeModel, the full recompute's), and models are never deleted. Not here either: the score
-- within the model's range and the grade its band gives (the range is in the model's JSON definition).
ALTER TABLE scoring.score
    ADD CONSTRAINT score_graded_or_not_scored CHECK ((score IS NULL) = (grade IS NULL)
        AND (score IS NULL) = (not_scored_code IS NOT NULL)) NOT VALID,
    ADD CONSTRAINT score_not_scored_code_known CHECK (not_scored_code IN ('MINOR', 'RESIDENCE_TOO_SHORT', 'NOT_RESIDENT',
        'AGE_UNKNOWN')) NOT VALID;

-- Gaps review xli V12: a review names the score it is about as shown then, with its model (null: the person had
-- none); one row per request, a small table: the key costs nothing that matters and is validated at once.
ALTER TABLE scoring.review
    ADD CONSTRAINT review_model_known FOREIGN KEY (model_code, model_version) REFERENCES scoring.model (code, version);
