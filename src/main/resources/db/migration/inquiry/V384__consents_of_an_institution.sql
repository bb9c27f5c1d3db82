-- Consents to an institution the violation register (违规机构名单) bans are withdrawn by the platform (gaps review xxx
-- L4, session xxxv), a chunk per transaction; withdrawn_by is then 'ban'. The chunks find an institution's open
-- consents by this index rather than by reading every consent in the city.
CREATE INDEX consent_institution_open ON inquiry.consent (institution_id, id) WHERE withdrawn_at IS NULL;
