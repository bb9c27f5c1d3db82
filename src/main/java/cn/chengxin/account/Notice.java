package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message to a citizen (消息通知) as self-service shows it: what happened ({@code kind}, a stable code such as
 * {@code OBJECTION_DECIDED}), its text, where to look, when it was read, and whether it was also texted. The text is
 * Chinese, as texted; {@code wording} and {@code args} render it in the reader's language (G13,
 * {@link NoticeWording}), null for a notice written before they were kept.
 */
public record Notice(UUID id, UUID subjectId, String kind, String title, String body, String link, Instant createdAt,
                     Instant readAt, Sms sms, String wording, List<NoticeArg> args) {

    /**
     * What became of the text message: no phone on file, waiting in the outbox ({@link NoticeTexts}), sent, or refused
     * by the gateway (tried again later, or given up after the last try).
     */
    public enum Sms { NONE, QUEUED, SENT, FAILED }

    public boolean unread() {
        return readAt == null;
    }
}
