-- The history keeps the scores that were replaced; the current one is the score row itself, with the time it
-- first took its value (since). Before, every first score and every change was written twice, in the score row
-- and as a history entry: for a full recompute of 1,000,000 residents the history's subject index alone cost the
-- database some 2 s of CPU (RULES.md §8 asks for the history, not for the current score twice).
ALTER TABLE scoring.score ADD COLUMN since timestamptz;

-- The newest history entry of each subject is the current score: it gives its time and leaves the history.
WITH newest AS (
    SELECT DISTINCT ON (h.subject_id) h.id, h.subject_id, h.computed_at
    FROM scoring.score_history h
    JOIN scoring.score s ON s.subject_id = h.subject_id
    ORDER BY h.subject_id, h.computed_at DESC, h.id DESC),
dated AS (
    UPDATE scoring.score s SET since = n.computed_at FROM newest n WHERE s.subject_id = n.subject_id)
DELETE FROM scoring.score_history h USING newest n WHERE h.id = n.id;

UPDATE scoring.score SET since = computed_at WHERE since IS NULL;
ALTER TABLE scoring.score ALTER COLUMN since SET NOT NULL;
