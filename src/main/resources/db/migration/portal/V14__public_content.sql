-- The public site's own content (module portal): typical cases and articles written by the credit office
-- and published after review by a second person, and tip-offs (举报) sent by the public.
CREATE SCHEMA portal;

CREATE TABLE portal.article (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('CASE', 'POLICY', 'KNOWLEDGE')),
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'PENDING', 'PUBLISHED', 'WITHDRAWN')),
    -- Optimistic lock: every change moves it on, so two reviewers acting at once give one decision.
    version       int         NOT NULL DEFAULT 1,
    title         text        NOT NULL,
    summary       text        NOT NULL,
    -- Plain text, paragraphs separated by blank lines; never rendered as HTML.
    body          text        NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    edited_by     text        NOT NULL,
    edited_at     timestamptz NOT NULL,
    submitted_by  text,
    submitted_at  timestamptz,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text,
    published_at  timestamptz,
    withdrawn_by  text,
    withdrawn_at  timestamptz,
    -- Maker-checker: whoever wrote or submitted an article is never the one who published it.
    CONSTRAINT article_four_eyes CHECK (status <> 'PUBLISHED'
        OR (reviewed_by IS DISTINCT FROM created_by AND reviewed_by IS DISTINCT FROM submitted_by))
);

CREATE INDEX article_published ON portal.article (kind, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX article_by_status ON portal.article (status, edited_at DESC);

CREATE TABLE portal.tipoff (
    id               uuid        PRIMARY KEY,
    -- SHA-256 of the reporter's receipt code: the code itself is a bearer secret and is not kept.
    receipt_hash     bytea       NOT NULL UNIQUE,
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'ACCEPTED', 'REJECTED', 'RESOLVED')),
    version          int         NOT NULL DEFAULT 1,
    subject_name     text        NOT NULL,
    -- A given identity number is kept only as the registry's pseudonym (blind index) and a masked form.
    subject_document text,
    subject_pseudonym text,
    subject_masked   text,
    subject_id       uuid,
    facts            text        NOT NULL,
    reporter_name    text,
    reporter_contact text,
    received_at      timestamptz NOT NULL,
    reply            text,
    handled_by       text,
    handled_at       timestamptz,
    CONSTRAINT tipoff_number_never_clear CHECK (subject_document IS NULL OR subject_pseudonym IS NOT NULL)
);

CREATE INDEX tipoff_by_status ON portal.tipoff (status, received_at DESC);

-- Keys of the platform's own, generated on first start (the tip-off form's challenge key); shared by
-- every instance of the application because they live in the database.
CREATE TABLE portal.secret (
    name  text  PRIMARY KEY,
    value bytea NOT NULL
);

-- Challenges already answered: a solved challenge cannot be replayed before it expires.
CREATE TABLE portal.challenge_used (
    nonce      text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
