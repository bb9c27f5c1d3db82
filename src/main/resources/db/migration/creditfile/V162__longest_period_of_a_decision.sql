-- Several penalty types in one decision: the longest period applies (RULES.md §4). The records a department sends
-- for one decision (same subject and decision document number) are all shown until the longest last day among
-- them; each keeps the last day its own item gave it, so that a revocation of the longest gives the others back
-- theirs. NULL: the record's publication_end is its own (never moved, as every record stored before).
ALTER TABLE creditfile.record ADD COLUMN own_publication_end date;
