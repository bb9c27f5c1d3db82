-- A subject the model does not score gets no score row unless the row ends a score (ScoreRows): drop the rows
-- earlier versions stored for subjects that never had a score — chiefly minors, whose region and year of birth they
-- copied from the registry for nothing (PIPL Art. 28, 31). Their reason is derived from the registry when asked.
-- A row is a derived computation, not a credit record: nothing of a credit file is deleted.
DELETE FROM scoring.score s
WHERE s.score IS NULL
  AND NOT EXISTS (SELECT 1 FROM scoring.score o WHERE o.subject_id = s.subject_id AND o.score IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM scoring.score_history h WHERE h.subject_id = s.subject_id AND h.score IS NOT NULL);
