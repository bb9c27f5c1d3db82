-- Issue #9: whether an item's records go up to the parent platform becomes an attribute of the item, decided by the
-- credit office per version like its other attributes, instead of a rule of the exchange module.
-- Every existing version gets the value that rule gave it (negative, usable for punishment, not for authorised
-- query only): this records what each version already meant and changes no version's effect; from now on a
-- different choice is a new, reviewed version.
ALTER TABLE catalog.item ADD COLUMN shared_upward boolean NOT NULL DEFAULT false;

UPDATE catalog.item
SET shared_upward = (nature = 'NEGATIVE' AND coalesce((definition ->> 'usableForPunishment')::boolean, false)
                     AND sharing <> 'AUTHORISED_QUERY');

UPDATE catalog.item
SET definition = definition || jsonb_build_object('sharedUpward', shared_upward)
WHERE NOT definition ? 'sharedUpward';
