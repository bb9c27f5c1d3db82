-- A national list loaded from a file (the court defaulters, issue #9) black-lists or de-lists people in every check
-- here and on the child platforms. One clerk's upload no longer does that: the upload is kept with its SM3 digest and
-- a preview, and only another person holding exchange:approve applies it (maker-checker, issue #5; RULES.md §7, §10).
-- The file holds identity numbers in clear, so it is kept SM4-sealed (content, key_version) and only until it is
-- decided; the digest stays, so the audit names the very file that was applied. uploaded_by / decided_by are the
-- staff users' ids, which the rule compares; the names are for the list.
CREATE TABLE exchange.list_load (
    id            uuid PRIMARY KEY,
    source        text        NOT NULL,
    file_name     text,
    digest        text        NOT NULL,
    content       bytea,
    key_version   int,
    rows          int         NOT NULL,
    listings      int         NOT NULL,
    removals      int         NOT NULL,
    refused       jsonb       NOT NULL,            -- [{line, code, reason}]: never a row's content
    uploaded_by   text        NOT NULL,
    uploader_name text        NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    text,
    decider_name  text,
    decided_at    timestamptz,
    decision_note text,
    applied       int,
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((status = 'PENDING') = (content IS NOT NULL)),
    CHECK (decided_by IS NULL OR decided_by <> uploaded_by)
);
CREATE INDEX list_load_latest ON exchange.list_load (uploaded_at DESC);

-- Whoever reviews list entries and approves the other four-eyes changes (the credit office) approves a load too.
INSERT INTO account.role_permission (role_id, permission)
SELECT role_id, 'exchange:approve' FROM account.role_permission WHERE permission = 'list:review'
ON CONFLICT DO NOTHING;
