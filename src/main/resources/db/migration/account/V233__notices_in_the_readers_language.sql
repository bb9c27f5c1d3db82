-- G13: a notice is kept as its wording's code and typed arguments besides the Chinese text, so that self-service shows
-- it in the reader's language (notice.<wording>.title/body in the messages files). The Chinese text stays: it is what
-- was texted and, for a list notice (告知书), the legal document. Rows written before have neither and show their text.
ALTER TABLE account.notice ADD COLUMN wording text, ADD COLUMN args jsonb;
