-- Gaps review xxxv P7 (session xxxvi): the notices whose self-service copy the listing job asks about, kept as a small
-- set of their own instead of found by reading every notice ever issued (and every entry) twice a minute and sorting
-- the unserved ones at random. A notice owed to a person (RULES.md §7: the prior notice, the exit notice, the notice of
-- a changed last day) with a self-service copy joins it when issued and leaves it with its first service, or when
-- there is nothing left to learn: a prior notice once its entry no longer waits for it (no longer NOTIFIED), an exit
-- notice or a changed last day after asked_until (NoticeServing#askedUntil: thirty days, the period of a service by
-- announcement). The job asks the longest unasked first (asked_at), so every notice is asked in turn.
CREATE TABLE listing.notice_awaiting (
    notice_id    uuid        PRIMARY KEY REFERENCES listing.notice (id),
    subject_id   uuid        NOT NULL,
    asked_until  timestamptz,                     -- null: while its entry waits for it (a prior notice)
    asked_at     timestamptz NOT NULL             -- when last asked (its issue, before the first time)
);
CREATE INDEX notice_awaiting_in_turn ON listing.notice_awaiting (asked_at, notice_id);
CREATE INDEX notice_awaiting_until ON listing.notice_awaiting (asked_until) WHERE asked_until IS NOT NULL;

-- The notices awaiting service today, as the job found them until now: once, at this upgrade.
INSERT INTO listing.notice_awaiting (notice_id, subject_id, asked_until, asked_at)
SELECT n.id, n.subject_id, CASE WHEN n.kind = 'PRIOR' THEN NULL ELSE n.issued_at + interval '30 days' END, n.issued_at
FROM listing.notice n JOIN listing.entry e ON e.id = n.entry_id
WHERE n.self_service_notice IS NOT NULL AND e.subject_kind = 'PERSON'
  AND ((n.kind = 'PRIOR' AND e.status = 'NOTIFIED')
       OR (n.kind IN ('EXIT', 'PERIOD_CHANGED') AND n.issued_at + interval '30 days' > now()))
  AND NOT EXISTS (SELECT 1 FROM listing.notice_delivery d WHERE d.notice_id = n.id);
