-- API retries (gaps review xxxiii N11; issue #8: a commitment signed once is one record).
--
-- 1. A department's commitment with a reference is one per department, subject and reference: the same reference sent
--    again for the same subject is the same commitment (answered again when its kind, text and due date are the same,
--    refused 409 COMMITMENT_REFERENCE_CONFLICT otherwise). The reference is the matter the commitment was given for
--    (事项: a licence file number, 补交户籍证明), which several subjects' commitments may share, so the subject is part
--    of it. reference_claim holds the reference of the commitments it binds: those recorded by a department from now
--    on, and of those recorded before only the first of each department, subject and reference (the later ones, sent
--    twice before this, stay as they are, and their breach or keeping is settled as before). The credit office's own
--    commitments (repairs, with no department) are not bound.
ALTER TABLE commitment.commitment ADD COLUMN reference_claim text;

UPDATE commitment.commitment c SET reference_claim = c.reference
WHERE c.reference IS NOT NULL AND c.department_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM commitment.commitment e
                  WHERE e.department_code = c.department_code AND e.subject_id = c.subject_id
                    AND e.reference = c.reference AND (e.signed_at, e.id) < (c.signed_at, c.id));

CREATE UNIQUE INDEX commitment_reference ON commitment.commitment (department_code, subject_id, reference_claim);

-- 2. A request to record one may carry an Idempotency-Key, kept per calling client with the SM3 digest of the body
--    (salted with the key) and the id of the commitment it was answered with, for 24 hours (IdempotencyKey.KEPT).
CREATE TABLE commitment.request_key (
    client_id       text        NOT NULL,
    idempotency_key uuid        NOT NULL,
    request_digest  text        NOT NULL,
    answer          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX request_key_created ON commitment.request_key (created_at);

COMMENT ON COLUMN commitment.request_key.answer IS 'the id of the commitment the request was answered with';
