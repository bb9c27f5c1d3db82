-- Service (送达) of list notices (RULES.md §7: written prior notice before listing, exit notice through the same
-- channel). A notice issued is not yet a notice received: each service is recorded, never changed or deleted, and a
-- black-list entry's notice period counts from the first service of its prior notice, no longer from its approval.

-- The self-service copy of the notice (its id in the citizens' notices), through which a read or a text message
-- delivered is learnt.
ALTER TABLE listing.notice ADD COLUMN self_service_notice uuid;

CREATE TABLE listing.notice_delivery (
    id           uuid        PRIMARY KEY,
    notice_id    uuid        NOT NULL REFERENCES listing.notice (id),
    channel      text        NOT NULL CHECK (channel IN ('SELF_SERVICE', 'SMS', 'POST', 'IN_PERSON', 'ANNOUNCEMENT')),
    served_at    timestamptz NOT NULL,          -- when served; an announcement: when its period ends (deemed served)
    announced_on date,                          -- an announcement only: the day it was published
    note         text,
    recorded_by  text        NOT NULL,          -- the staff member's account id, the citizen's, or 'system'
    recorded_at  timestamptz NOT NULL,
    CHECK ((channel = 'ANNOUNCEMENT') = (announced_on IS NOT NULL))
);
CREATE INDEX notice_delivery_by_notice ON listing.notice_delivery (notice_id, served_at);

-- History kept: a service recorded in error is answered by another record (its note says so), not by an edit.
CREATE FUNCTION listing.notice_delivery_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'listing.notice_delivery is append-only';
END $$;
CREATE TRIGGER notice_delivery_kept BEFORE UPDATE OR DELETE ON listing.notice_delivery
    FOR EACH ROW EXECUTE FUNCTION listing.notice_delivery_kept();

-- The notices issued so far find their self-service copy (same subject, kind, title and text, written in the same
-- transaction): a citizen who has read theirs, or was texted it, counts as served from then on (ListingJobs).
UPDATE listing.notice n SET self_service_notice = (
    SELECT a.id FROM account.notice a
    WHERE a.subject_id = n.subject_id AND a.kind = 'LIST_' || n.kind AND a.title = btrim(n.title)
      AND a.body = btrim(n.body)
    ORDER BY abs(extract(EPOCH FROM a.created_at - n.issued_at)) LIMIT 1);

-- Entries still in their prior notice: nobody knows that the subject received it (an organisation never did), so the
-- date they would have taken effect is withdrawn; they take effect once the notice is served and its days have passed.
-- Entries already in force stay so: ending them would be a decision of its own (exit), which a clerk may take; their
-- exit notices will be served like any other.
UPDATE listing.entry SET effective_from = NULL, change_seq = nextval('listing.change_seq')
WHERE status = 'NOTIFIED';
