-- Evidence attached to an objection (issue #8): PDF, JPEG or PNG, checked by content, at most 5 MB each.
CREATE TABLE objection.evidence (
    id           uuid PRIMARY KEY,
    objection_id uuid        NOT NULL REFERENCES objection.objection (id),
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    sha256       text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX evidence_objection ON objection.evidence (objection_id);
