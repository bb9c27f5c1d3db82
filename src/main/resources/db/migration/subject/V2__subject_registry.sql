-- Module subject: persons and organisations (RULES.md §1). Identity numbers are never stored in clear:
-- number_cipher is SM4-GCM (iv || ciphertext || tag) under key number_key_version, number_index an
-- HMAC-SM3 blind index under its own key, number_masked the display form (1101**********002X).
CREATE SCHEMA IF NOT EXISTS subject;

CREATE TABLE subject.subject (
    id                 uuid        PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('PERSON', 'ORGANISATION')),
    document_type      text        NOT NULL,
    number_index       bytea       NOT NULL,
    number_cipher      bytea       NOT NULL,
    number_key_version smallint    NOT NULL,
    number_masked      text        NOT NULL,
    name               text        NOT NULL,
    synthetic          boolean     NOT NULL DEFAULT false,
    registered_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subject_one_per_document UNIQUE (document_type, number_index)
);

CREATE TABLE subject.person (
    subject_id  uuid    PRIMARY KEY REFERENCES subject.subject (id),
    birth_date  date,
    gender      char(1) CHECK (gender IN ('M', 'F')),
    birth_region char(6)
);

-- 户籍 (household registration) and 常住 (habitual residence) in the city.
CREATE TABLE subject.residency (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   uuid    NOT NULL REFERENCES subject.person (subject_id),
    kind        text    NOT NULL CHECK (kind IN ('HOUSEHOLD', 'HABITUAL')),
    region_code char(6) NOT NULL,
    valid_from  date    NOT NULL,
    valid_to    date,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX residency_by_person ON subject.residency (person_id);

CREATE TABLE subject.organisation (
    subject_id             uuid    PRIMARY KEY REFERENCES subject.subject (id),
    registration_authority char(1) NOT NULL,
    organisation_type      char(1) NOT NULL,
    registration_region    char(6) NOT NULL,
    established_on         date
);

-- 法定代表人、主要负责人、直接责任人: enterprise dishonesty is recorded on them too (Zhumadian 三(二)).
CREATE TABLE subject.responsible_person (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES subject.organisation (subject_id),
    person_id       uuid NOT NULL REFERENCES subject.person (subject_id),
    role            text NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'PRINCIPAL', 'DIRECTLY_RESPONSIBLE')),
    valid_from      date NOT NULL,
    valid_to        date,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX responsible_person_by_organisation ON subject.responsible_person (organisation_id);
CREATE INDEX responsible_person_by_person ON subject.responsible_person (person_id);

-- 重点职业人群 memberships (RULES.md §1).
CREATE TABLE subject.occupational_membership (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id        uuid NOT NULL REFERENCES subject.person (subject_id),
    occupational_group text NOT NULL,
    valid_from       date NOT NULL,
    valid_to         date,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX occupational_membership_by_person ON subject.occupational_membership (person_id);
