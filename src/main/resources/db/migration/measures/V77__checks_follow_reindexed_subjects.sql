-- Checks made on a passport or travel-permit holder follow the new pseudonym (V72, V73) where the old one belonged
-- to that holder alone; checks under a shared one cannot be told apart and keep it, matching no one.
UPDATE measures.check_made c
   SET subject_pseudonym = r.new_pseudonym
  FROM subject.reindexed_subject r
 WHERE c.subject_pseudonym = r.old_pseudonym AND NOT r.shared;
