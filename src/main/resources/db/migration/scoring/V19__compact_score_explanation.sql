-- A score's explanation as compact bytes relative to its model version (ExplanationCodec): the full recompute
-- writes some 35 bytes per contributing record instead of a JSON document to parse. Rows written before keep their
-- JSON explanation until they are next written; every row has one of the two.
ALTER TABLE scoring.score ALTER COLUMN explanation DROP NOT NULL;
ALTER TABLE scoring.score ADD COLUMN explanation_bytes bytea;
ALTER TABLE scoring.score ADD CONSTRAINT score_explained
    CHECK (explanation IS NOT NULL OR explanation_bytes IS NOT NULL);
-- No query selects scores by grade (the figures group the whole table), and keeping this index up to date cost
-- the full recompute about as much as the table itself.
DROP INDEX scoring.score_by_grade;
