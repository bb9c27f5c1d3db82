-- A citizen account of a passport or travel-permit holder follows its subject's new pseudonym (V72, V73).
UPDATE account.citizen c
   SET subject_pseudonym = r.new_pseudonym
  FROM subject.reindexed_subject r
 WHERE c.subject_id = r.subject_id;
