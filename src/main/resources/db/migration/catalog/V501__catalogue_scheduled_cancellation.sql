-- Gaps review xxxvii-api R4 (rest): an approved version waiting for its effective day (SCHEDULED) may be cancelled
-- before it takes effect, by two people as every catalogue change is made: one proposes the cancellation with its
-- reason (cancel_*), another approves it (cancelled_*), and the version becomes CANCELLED, never in force. Its change
-- number is then taken anew (catalog.item_change_seq), so that the change feed, which pages by it, carries the
-- cancellation to the systems that read the approval; the providing departments get a notice under that number.
ALTER TABLE catalog.item DROP CONSTRAINT item_status_check;
ALTER TABLE catalog.item ADD CONSTRAINT item_status_check
    CHECK (status IN ('DRAFT', 'PENDING', 'SCHEDULED', 'ACTIVE', 'RETIRED', 'REJECTED', 'DISCARDED', 'CANCELLED'));

ALTER TABLE catalog.item
    ADD COLUMN cancel_reason      text,
    ADD COLUMN cancel_proposed_by text,
    ADD COLUMN cancel_proposed_at timestamptz,
    ADD COLUMN cancelled_by       text,
    ADD COLUMN cancelled_at       timestamptz;

ALTER TABLE catalog.item ADD CONSTRAINT item_cancelled_was_proposed
    CHECK (status <> 'CANCELLED' OR cancel_proposed_at IS NOT NULL AND cancelled_at IS NOT NULL);
