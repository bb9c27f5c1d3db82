package cn.chengxin.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to a citizen (消息通知) as self-service shows it: what happened ({@code kind}, a stable code such as
 * {@code OBJECTION_DECIDED}), its text, where to look, when it was read, and whether it was also texted.
 */
public record Notice(UUID id, UUID subjectId, String kind, String title, String body, String link, Instant createdAt,
                     Instant readAt, Sms sms) {

    /** What became of the text message: no phone on file, waiting for the commit, sent, or refused by the gateway. */
    public enum Sms { NONE, QUEUED, SENT, FAILED }

    public boolean unread() {
        return readAt == null;
    }
}
