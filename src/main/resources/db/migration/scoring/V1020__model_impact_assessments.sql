-- Gaps review xlvi AA7 (PIPL Art. 55 (1)-(2), Art. 56; RULES.md §10): a score model is automated evaluation of
-- persons from their records, so its processing is assessed before it starts. A pending model version is approved
-- only with its 个人信息保护影响评估 recorded: the day it was made, its conclusion and the SM3 of the assessment
-- document. The document stays in the office's records; the platform keeps its digest only, as it keeps a list
-- migration file's (V810): enough to show which text the approval relied on.
--
-- An assessment is kept at least 3 years after its model is retired (Art. 56 ¶2): scoring.model now records when a
-- version was retired, and the nightly scoring job deletes an assessment only once its model has been retired (or
-- rejected) for the configured retention, never under 3 years. A model retired before this migration has no day and
-- its assessment is never deleted. New objects and a nullable column without a default: no rewrite.
ALTER TABLE scoring.model ADD COLUMN retired_at timestamptz;
COMMENT ON COLUMN scoring.model.retired_at IS 'when another version''s approval retired this one; null before V1020';

CREATE TABLE scoring.impact_assessment (
    model_code    text        NOT NULL,
    model_version int         NOT NULL,
    assessed_on   date        NOT NULL,
    conclusion    text        NOT NULL CHECK (length(btrim(conclusion)) BETWEEN 1 AND 2000),
    document_sm3  text        NOT NULL CHECK (document_sm3 ~ '^[0-9a-f]{64}$'),
    document_name text,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (model_code, model_version),
    FOREIGN KEY (model_code, model_version) REFERENCES scoring.model (code, version)
);
COMMENT ON TABLE scoring.impact_assessment IS 'the 个人信息保护影响评估 a model version was approved on (PIPL Art. 55-56)';
COMMENT ON COLUMN scoring.impact_assessment.document_sm3 IS 'hex SM3 of the assessment document as uploaded';
