-- Gaps review xli V8 (RULES.md §4: a record's publication and retention count from its decision date, the day the
-- decision was made being not counted; §4's periods are per catalogue item, so no upper bound here). Every end the
-- code stores is counted from the decision date, or from a later day (retention from the end of the act or sentence,
-- ItemDefinition.retentionStart; a court's own term, RecordPeriods.publicationEnd), or is the longest own end of the
-- records of one decision (publishUntil, V162), or copied from a version with the same decision (a revocation); a
-- period of zero months or years ends on the decision date itself (CivilPeriods). The table took an end before its
-- decision from any other writer (a repair script, an import), which then shows or archives a record early or late
-- without a trace of why. NULL stays long-term.
--
-- creditfile.record is one of the largest tables (MigrationRule): NOT VALID here, so that storing goes on, proven for
-- the rows before by V641 without holding this statement's lock through the scan. A row stored before is checked
-- again only when updated (status, periods): every such update keeps or recounts the ends from the same decision.
-- Cost on the ingestion's COPY: one comparison of three dates a row (docs/gaps-review-xli.md, V8's status).
ALTER TABLE creditfile.record
    ADD CONSTRAINT record_publication_from_decision CHECK (publication_end >= decision_date) NOT VALID,
    ADD CONSTRAINT record_own_publication_from_decision CHECK (own_publication_end >= decision_date) NOT VALID,
    ADD CONSTRAINT record_retention_from_decision CHECK (retention_end >= decision_date) NOT VALID;
