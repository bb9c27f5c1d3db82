-- Gaps review xli V9: V642's checks on scoring.score proven for the rows before them, in a migration of their own
-- (VALIDATE CONSTRAINT lets the rescores and the full recompute go on while it scans). A row it refuses was written
-- past the code: rescore its subject (the row is derived, not a credit record) or correct it as the owner, then start
-- again.
ALTER TABLE scoring.score VALIDATE CONSTRAINT score_graded_or_not_scored;
ALTER TABLE scoring.score VALIDATE CONSTRAINT score_not_scored_code_known;
