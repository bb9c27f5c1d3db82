-- A received record keeps the administrative reviews and lawsuits pending against its decision as its issuing
-- platform last sent them (the exchange's optional `proceedings` member, RULES.md §5): none is an empty array, so a
-- version that leaves the member out clears what an earlier one said.
ALTER TABLE exchange.received ADD COLUMN proceedings text[] NOT NULL DEFAULT '{}';

-- Receivers checked and relayed the member before they kept it: a version relayed on is in the outbox, whose body
-- holds the member; a version relayed to nobody is put right when its issuer sends the next one.
UPDATE exchange.received r
   SET proceedings = ARRAY(SELECT jsonb_array_elements_text(o.body -> 'proceedings'))
  FROM (SELECT DISTINCT ON (source_platform, source_id, version) source_platform, source_id, version, body
          FROM exchange.outbox
         WHERE kind = 'RECORD' AND jsonb_exists(body, 'proceedings')
         ORDER BY source_platform, source_id, version, seq) o
 WHERE r.kind = 'RECORD' AND o.source_platform = r.source_platform AND o.source_id = r.source_id
   AND o.version = r.version;
