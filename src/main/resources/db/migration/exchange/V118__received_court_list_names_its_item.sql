-- Entries received before list-entry messages named the record they rest on (issue #5): those loaded from the Supreme
-- People's Court's published list of defaulters are court-defaulter records (CourtDefaulterFile.ITEM), so that the
-- measures limited to the court-defaulter rule (V113: the court's travel and high-consumption restrictions) follow them
-- as they did before V113. The check index reads them again (change_seq). Reloading the same file cannot do this: its
-- rows keep their versions, and a received row is replaced by a higher version only.
UPDATE exchange.received
   SET item_code = 'P_COURT_DEFAULTER', change_seq = nextval('exchange.received_seq')
 WHERE source_platform = 'SPC' AND kind = 'LIST_ENTRY' AND item_code IS NULL;
