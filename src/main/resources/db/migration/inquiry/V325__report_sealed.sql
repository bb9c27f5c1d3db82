-- An issued report's snapshot (the person's whole file as issued) and its PDF are sealed at rest (gaps review xxxi M4;
-- PIPL Art. 51, RULES.md §10): each is kept SM4-GCM sealed in place, bound to its own purpose and row
-- ('inquiry.report-content:<id>', 'inquiry.report-pdf:<id>'), under the key version beside it. The snapshot becomes
-- the UTF-8 bytes of its JSON (jsonb's own text: the same document, which the platform reads back as JSON, never
-- queries inside); reports stored before keep both in clear with a null version until FileSealing's pass on start
-- seals them, a chunk per transaction. An emptied report (V310) keeps no content and so no version. The SM3 digest
-- stays that of the PDF as issued.
ALTER TABLE inquiry.report
    ALTER COLUMN content TYPE bytea USING convert_to(content::text, 'UTF8'),
    ADD COLUMN content_key_version integer,
    ADD COLUMN pdf_key_version     integer;

ALTER TABLE inquiry.report ADD CONSTRAINT report_sealed_content
    CHECK ((content_key_version IS NULL OR content IS NOT NULL) AND (pdf_key_version IS NULL OR pdf IS NOT NULL));

COMMENT ON COLUMN inquiry.report.content IS 'the snapshot''s JSON (UTF-8), SM4-GCM sealed (iv || ciphertext || tag) when content_key_version is set; in clear before V325 until sealed';
COMMENT ON COLUMN inquiry.report.pdf IS 'the PDF as issued (its SM3 in sm3), SM4-GCM sealed when pdf_key_version is set; in clear before V325 until sealed';

CREATE INDEX report_content_in_clear ON inquiry.report (id) WHERE content_key_version IS NULL AND content IS NOT NULL;
CREATE INDEX report_pdf_in_clear ON inquiry.report (id) WHERE pdf_key_version IS NULL AND pdf IS NOT NULL;
