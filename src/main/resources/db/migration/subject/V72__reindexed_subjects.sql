-- Passport and travel-permit numbers are not unique across document types (a Taiwan resident's permit and a foreign
-- passport may both read 12345678), yet their blind index was of the number alone, so two such holders shared one
-- pseudonym: list entries, checks, accounts and audit history kept by it mixed two persons. Their index now covers
-- the type as well (IdentityDocument.indexInput). V73 (Java: it decrypts the numbers) re-keys the registered
-- holders and records each change here; the modules keeping pseudonyms follow it in V74–V79.
CREATE TABLE subject.reindexed_subject (
    subject_id     uuid    PRIMARY KEY REFERENCES subject.subject (id),
    old_pseudonym  text    NOT NULL,
    new_pseudonym  text    NOT NULL UNIQUE,
    -- Another subject had the same old pseudonym: what was kept by it alone cannot be told apart.
    shared         boolean NOT NULL
);
CREATE INDEX reindexed_by_old ON subject.reindexed_subject (old_pseudonym);
