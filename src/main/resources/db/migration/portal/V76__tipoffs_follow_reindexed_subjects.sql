-- Tip-offs naming a passport or travel-permit holder follow the new pseudonym (V72, V73): by the subject's id where
-- the tip-off was matched to one, else by the old pseudonym where it belonged to that holder alone.
UPDATE portal.tipoff t
   SET subject_pseudonym = r.new_pseudonym
  FROM subject.reindexed_subject r
 WHERE t.subject_id = r.subject_id
    OR (t.subject_id IS NULL AND t.subject_pseudonym = r.old_pseudonym AND NOT r.shared);
