-- A repair material (proof of performance, a training certificate, a credit report) is sealed at rest (gaps review
-- xxxi M4; PIPL Art. 51, RULES.md §10): the file is kept SM4-GCM sealed in place in `content`, bound to the purpose
-- 'repair.attachment:<id>', under the key version in `content_key_version`. Files stored before keep their clear
-- content and a null version until FileSealing's pass on start seals them, a chunk per transaction. The file's own
-- size is kept beside it: the sealed content is longer.
ALTER TABLE repair.attachment
    ADD COLUMN content_key_version integer,
    ADD COLUMN size                integer;

UPDATE repair.attachment SET size = length(content);

ALTER TABLE repair.attachment ALTER COLUMN size SET NOT NULL;

COMMENT ON COLUMN repair.attachment.content IS 'SM4-GCM sealed (iv || ciphertext || tag) when content_key_version is set; in clear before V312 until sealed';

CREATE INDEX attachment_in_clear ON repair.attachment (id) WHERE content_key_version IS NULL AND content IS NOT NULL;
