-- The data-quality page's timeliness reads the records first accepted in a period (the year so far by default):
-- rows are appended in acceptance order, so a block-range index finds a period's rows for almost nothing in size
-- or in cost to ingestion, where a B-tree over hundreds of millions of rows would cost both.
CREATE INDEX record_by_acceptance ON creditfile.record USING brin (accepted_at);
