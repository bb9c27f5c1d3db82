-- Finished module reactions are now deleted on completion (spring.modulith.events.completion-mode: delete; gaps
-- review xxxiii N6). The ones kept so far, each with its serialized event (a chunk's or a day's subject ids), go too.
DELETE FROM event_publication WHERE completion_date IS NOT NULL OR status = 'COMPLETED';
-- The job that resubmits unfinished reactions (platform/UnfinishedReactions) reads these.
CREATE INDEX IF NOT EXISTS event_publication_unfinished_idx ON event_publication (status, publication_date)
    WHERE completion_date IS NULL;
