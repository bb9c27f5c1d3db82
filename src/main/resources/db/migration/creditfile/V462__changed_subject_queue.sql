-- The subjects whose files a batch's stored chunks changed, waiting to be announced to the modules that derive from
-- records (lists, scores: RecordsChanged; issue #4). A chunk wrote one RecordsChanged for its ~2,000 subjects, and
-- the lists and scores read each chunk's subjects' records at random places of the record table while the next
-- chunks were being stored. A chunk now leaves its subjects here, in its own transaction; they are announced in
-- slices in the order of their ids (adjacent index pages), once a subject however many of its records the window
-- brought, at the end of the batch and every few seconds meanwhile (QueuedReactions). A slice leaves the table in the
-- transaction that publishes its event (held in the event publication registry until its reactions ran): a crash
-- loses no reaction, and takes none twice.
CREATE TABLE creditfile.changed_subject (
    subject_id uuid PRIMARY KEY,
    queued_at  timestamptz NOT NULL DEFAULT now()
);
