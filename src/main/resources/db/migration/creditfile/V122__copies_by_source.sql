-- The responsible persons' copies of an organisation's record (RULES.md §1) follow the decisions about it (an
-- objection's deletion or stop of display, a repair: CreditFile.changeStatusOfCopies), found by the link key they
-- carry. Only copies have one, so the index holds a small share of the records; without it each decision read the
-- whole of the department's part of the natural-key index.
CREATE INDEX record_copies ON creditfile.record (linked_from) WHERE linked_from IS NOT NULL AND current;
