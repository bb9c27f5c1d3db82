-- A subject keeps a score row per model version it has been scored with: a full recompute after a model switch
-- writes the new model's rows beside the old ones instead of deleting each old row (copying it to the history) and
-- inserting its successor where the deleted row still lay. Measured alone on 1,000,000 rows: 10.3–12.0 s of the
-- server's time for delete, history and insert, 4.6–5.6 s for the insert beside them. The old model's rows are
-- then its part of the history, read as before with the history table (the score rows from when each began).
-- The current score of a subject is its most recently computed row; figures count the active model's rows.
ALTER TABLE scoring.score DROP CONSTRAINT score_pkey;
ALTER TABLE scoring.score ADD PRIMARY KEY (subject_id, model_code, model_version);
