-- The term of a court's listing is the court's (RULES.md §7; 法释〔2017〕7号第一条、第二条; finding I2 of
-- docs/gaps-review-xxvii.md): two years for the grounds of Art. 1(2)–(6), extended by one to three years for aggravating
-- grounds, and none for a defaulter able to perform and refusing (Art. 1(1)). The court delivers the last day with the
-- record: the court-defaulter items get an optional DATE field `listing_end` (纳入期限截止日), and the organisation's
-- item the grounds `behaviour` (失信被执行人具体情形), optional there, as the person's item has required from the start
-- (BaseCatalogue, for platforms created from now on).
--
-- The versions in use or still to be decided (ACTIVE, PENDING, DRAFT) get the fields in place, as V163 and V191 gave
-- every version a new attribute: the fields are optional, so every record stored or delivered before stays valid, and a
-- court that sends no end keeps the terms it had (two years by the rule; none now for Art. 1(1)). Retired and rejected
-- versions stay as they were decided. An item that already has a field of the name keeps its own.
UPDATE catalog.item
SET definition = jsonb_set(definition, '{fields}', (definition -> 'fields') || jsonb_build_array(jsonb_build_object(
        'name', 'behaviour', 'label', '失信被执行人具体情形', 'type', 'TEXT', 'required', false, 'maxLength', 500,
        'choices', '[]'::jsonb)))
WHERE code = 'O_COURT_DEFAULTER' AND status IN ('ACTIVE', 'PENDING', 'DRAFT')
  AND NOT jsonb_path_exists(definition, '$.fields[*] ? (@.name == "behaviour")');

UPDATE catalog.item
SET definition = jsonb_set(definition, '{fields}', (definition -> 'fields') || jsonb_build_array(jsonb_build_object(
        'name', 'listing_end', 'label', '纳入期限截止日', 'type', 'DATE', 'required', false, 'maxLength', 64,
        'choices', '[]'::jsonb)))
WHERE code IN ('P_COURT_DEFAULTER', 'O_COURT_DEFAULTER') AND status IN ('ACTIVE', 'PENDING', 'DRAFT')
  AND NOT jsonb_path_exists(definition, '$.fields[*] ? (@.name == "listing_end")');
