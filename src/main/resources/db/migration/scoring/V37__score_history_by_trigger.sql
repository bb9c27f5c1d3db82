-- A replaced score goes to the history from the UPDATE that replaces it (statement trigger, transition tables):
-- the rows it sees are exactly the versions the statement replaced, even when a concurrent rescore committed one just
-- before. Until now each writer first copied the rows to the history under FOR UPDATE locks and then updated them:
-- the locking pass dirtied every page a second time (after a model switch: all of them, with their full-page images).
-- Only a replacement by another score, grade or model is history; `since` is when the replaced score began.
CREATE FUNCTION scoring.keep_replaced_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO scoring.score_history (subject_id, model_code, model_version, score, grade, computed_at)
    SELECT o.subject_id, o.model_code, o.model_version, o.score, o.grade, o.since
    FROM replaced o JOIN replacing n ON n.subject_id = o.subject_id
    WHERE (o.model_code, o.model_version, o.score, o.grade)
          IS DISTINCT FROM (n.model_code, n.model_version, n.score, n.grade)
    ORDER BY o.subject_id;
    RETURN NULL;
END $$;

CREATE TRIGGER score_replaced_to_history AFTER UPDATE ON scoring.score
    REFERENCING OLD TABLE AS replaced NEW TABLE AS replacing
    FOR EACH STATEMENT EXECUTE FUNCTION scoring.keep_replaced_scores();
