-- Gaps review xli V12: same-module references without a key. An entry a rule proposed names the rule's version it was
-- proposed under (JdbcListing.propose, from the rule read in force; null for an entry proposed by hand), and the
-- console names the rule from it; an exit event owed names its entry (JdbcListing.oweExitEvent, in the end's own
-- transaction). Neither a rule's version nor an entry is ever deleted (versions are kept, entries end as EXITED or
-- REJECTED; no DELETE of either in the code), so no path is broken by the keys.
--
-- listing.entry grows with every proposal: its key is added NOT VALID here and proven by V645, apart from this
-- statement's lock. An entry's insert then looks up its rule's key (one row per proposal, not per record); the
-- rules' own updates (current, enabled) change no key and wait for nothing. exit_event_owed is small: validated now.
ALTER TABLE listing.entry
    ADD CONSTRAINT entry_rule_known FOREIGN KEY (rule_code, rule_version) REFERENCES listing.rule (code, version)
        NOT VALID;

ALTER TABLE listing.exit_event_owed
    ADD CONSTRAINT exit_event_owed_entry_known FOREIGN KEY (entry_id) REFERENCES listing.entry (id);
