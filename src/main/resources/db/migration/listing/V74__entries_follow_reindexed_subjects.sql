-- Passport and travel-permit holders have new pseudonyms (V72, V73). Entries carry their subject's id and follow
-- exactly (change_seq moves them into every instance's check index). Last-negative marks are kept by pseudonym
-- alone: each holder who had the old pseudonym gets the mark; where two had shared it, both keep it until their
-- next evaluation rather than one being granted 3 clean years (RULES.md §7) on a record that may be his.
UPDATE listing.entry e
   SET subject_pseudonym = r.new_pseudonym, change_seq = nextval('listing.change_seq')
  FROM subject.reindexed_subject r
 WHERE e.subject_id = r.subject_id;

INSERT INTO listing.negative_mark (subject_pseudonym, last_negative)
SELECT r.new_pseudonym, m.last_negative
  FROM listing.negative_mark m
  JOIN subject.reindexed_subject r ON r.old_pseudonym = m.subject_pseudonym
ON CONFLICT (subject_pseudonym) DO NOTHING;

DELETE FROM listing.negative_mark m
 USING subject.reindexed_subject r
 WHERE m.subject_pseudonym = r.old_pseudonym
   AND NOT EXISTS (SELECT 1 FROM subject.subject s  -- probes of the (type, index) key
                    WHERE s.document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PERMANENT_RESIDENT_ID',
                                              'UNIFIED_SOCIAL_CREDIT_CODE', 'PASSPORT', 'HK_MACAO_PERMIT',
                                              'TAIWAN_PERMIT')
                      AND s.number_index = decode(r.old_pseudonym, 'hex'));
