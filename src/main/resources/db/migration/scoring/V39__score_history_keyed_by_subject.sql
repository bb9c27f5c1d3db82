-- The history is only ever read by subject, in time order (a subject's versions, and from them its grade notices);
-- nothing looks an entry up by its id, which only breaks ties. One key on (subject, time, id) serves those reads
-- and keeps the entries unique, in place of an index on the id alone beside one on (subject, time): a full
-- recompute after a model switch writes 1,000,000 entries, and the id's own index was a third of each insert.
ALTER TABLE scoring.score_history DROP CONSTRAINT score_history_pkey;
DROP INDEX scoring.score_history_by_subject;
ALTER TABLE scoring.score_history ADD PRIMARY KEY (subject_id, computed_at, id);
