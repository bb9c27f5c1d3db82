-- Notices' texts through an outbox (gaps review xxxiii N6; issue #8 "Notifications"). A notice to be texted is written
-- QUEUED in the transaction that writes it; a claimed job (account/NoticeTexts) sends the due ones off the request
-- threads and retries a FAILED one with a doubling backoff:
--   sms_due_at      when the text is next tried (also the claim's lease while it is being sent); NULL once it is
--                   SENT, or FAILED for good (given up, counted for monitoring);
--   sms_attempts    the tries so far;
--   sms_phone_*     a phone typed at the credit office's window for a person without an account (M2), sealed as the
--                   accounts' phones are (SM4-GCM), and emptied once the text is sent or given up.
ALTER TABLE account.notice
    ADD COLUMN sms_due_at            timestamptz,
    ADD COLUMN sms_attempts          integer NOT NULL DEFAULT 0,
    ADD COLUMN sms_phone_cipher      bytea,
    ADD COLUMN sms_phone_key_version integer;

-- Texts queued or refused in the last two days are tried again; older ones would arrive long after the fact and are
-- given up (still FAILED, and counted).
UPDATE account.notice SET sms_due_at = now()
WHERE sms IN ('QUEUED', 'FAILED') AND created_at > now() - interval '2 days';
UPDATE account.notice SET sms = 'FAILED' WHERE sms = 'QUEUED' AND sms_due_at IS NULL;

CREATE INDEX notice_texts_due ON account.notice (sms_due_at) WHERE sms_due_at IS NOT NULL;
