-- An objection's evidence (an identity card's copy, a bank statement) is sealed at rest (gaps review xxxi M4; PIPL
-- Art. 51, RULES.md §10): the file is kept SM4-GCM sealed in place in `content`, bound to the purpose
-- 'objection.evidence:<id>', under the key version in `content_key_version`. Files stored before keep their clear
-- content and a null version until FileSealing's pass on start seals them, a chunk per transaction. The file's own
-- size is kept beside it: the sealed content is longer.
ALTER TABLE objection.evidence
    ADD COLUMN content_key_version integer,
    ADD COLUMN size                integer;

UPDATE objection.evidence SET size = length(content);

ALTER TABLE objection.evidence ALTER COLUMN size SET NOT NULL;

COMMENT ON COLUMN objection.evidence.content IS 'SM4-GCM sealed (iv || ciphertext || tag) when content_key_version is set; in clear before V311 until sealed';

CREATE INDEX evidence_in_clear ON objection.evidence (id) WHERE content_key_version IS NULL AND content IS NOT NULL;
