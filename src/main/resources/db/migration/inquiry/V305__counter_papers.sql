-- Gaps review xxxi M2 (征信业管理条例 Art. 18 para. 2: the authorisation is kept as proof): the signed 授权书 or
-- 查询申请表, and for a guardian the proof of guardianship, scanned at the window with each counter service. PDF, JPEG or
-- PNG checked by content, at most 5 MB each, as objection evidence is. Sealed in place as objection evidence is (V311;
-- PIPL Art. 51, RULES.md §10): SM4-GCM under the key version in content_key_version, bound to 'inquiry.counter-paper:<id>'.
CREATE TABLE inquiry.counter_paper (
    id           uuid PRIMARY KEY,
    visit_id     uuid        NOT NULL REFERENCES inquiry.counter_visit (id),
    kind         text        NOT NULL CHECK (kind IN ('AUTHORISATION', 'GUARDIANSHIP')),
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    content_key_version integer NOT NULL,
    sha256       text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX counter_paper_visit ON inquiry.counter_paper (visit_id);
