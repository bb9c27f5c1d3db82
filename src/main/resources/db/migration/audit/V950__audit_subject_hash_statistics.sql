-- Session xlv (issue #5): the statistics the planner needs before V951's index of the pseudonym's hash can serve the
-- subject's reads. The planner takes no statistics from a partial index's expression, so without these it would take
-- "hashtextextended(subject_pseudonym, 0) = ANY (...)" for a condition matching one event in seventy and walk the log
-- by position instead (seconds on a log of millions, measured); with the expression's own statistics, and the
-- dependency of the hash on the pseudonym (so that the readers' two conditions, the hash and the pseudonym it
-- confirms, are not counted as independent), it reads the subject's events by the index as it read them by V5's. The
-- statistics object takes a brief lock that writes pass; ANALYZE reads a sample of the log, not all of it.
CREATE STATISTICS IF NOT EXISTS audit.event_subject_hash (dependencies)
    ON (hashtextextended(subject_pseudonym, 0)), subject_pseudonym FROM audit.event;
ANALYZE audit.event;
