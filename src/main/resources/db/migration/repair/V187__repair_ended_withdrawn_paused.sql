-- G8 (RULES.md §5, §6): an open application whose record leaves display (revoked, expired, repaired another way,
-- archived, deleted by an objection) or is replaced by a new version ends (status ENDED); the applicant may withdraw
-- one (WITHDRAWN). Both keep the decided_* columns (who ended it, when, why) and are no decision on the repair.
-- While the record is in dispute (an objection heard) the application's deadline stands still: paused_since is the
-- first day of the pause, null when running; the deadlines move by its working days when the dispute ends.
ALTER TABLE repair.application
    ADD COLUMN paused_since date;
