-- The console works the review queue at bulk volume (issue #5): thousands of proposals from ingestion, paged oldest
-- first, searched by the pseudonym of an identity number or by the start of a name. Without these indexes each page
-- would sort or scan every entry ever made.
CREATE INDEX entry_review_queue ON listing.entry (proposed_at, id) WHERE status = 'PROPOSED';
CREATE INDEX entry_by_pseudonym ON listing.entry (subject_pseudonym);
-- text_pattern_ops: a prefix LIKE uses the index whatever the database's collation (and equality still does).
CREATE INDEX entry_by_name ON listing.entry (subject_name text_pattern_ops);
