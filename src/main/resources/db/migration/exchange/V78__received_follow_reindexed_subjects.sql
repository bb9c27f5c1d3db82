-- Records received from other platforms about a passport or travel-permit holder registered here follow the new
-- pseudonym (V72, V73) where the old one belonged to that holder alone (change_seq moves them into the check index).
-- Received rows keep no document type: rows about holders not registered here keep the old pseudonym until their
-- issuing platform sends the next version, which is keyed anew on receipt.
UPDATE exchange.received x
   SET subject_pseudonym = r.new_pseudonym, change_seq = nextval('exchange.received_seq')
  FROM subject.reindexed_subject r
 WHERE x.subject_pseudonym = r.old_pseudonym AND NOT r.shared;
