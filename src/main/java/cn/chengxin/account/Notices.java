package cn.chengxin.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcNotices;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.OlderPage;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.stereotype.Service;

/**
 * 消息通知 (issue #8 "Notifications"): what happens to a person's file that they must hear of — an objection received
 * and decided, a list notice, a consent used, a repair possible or decided — is kept as a notice in self-service and,
 * when the person has a citizen account with a phone, texted through {@link SmsGateway}. The notice is written in the
 * caller's transaction with its text QUEUED in the same row (an outbox, gaps review xxxiii N6): {@link NoticeTexts}
 * sends it after the commit, off the caller's thread, and tries again when the gateway fails, so a rolled-back decision
 * is never announced, a committed one is not left untold by a crash, and a gateway failure never undoes the business
 * change.
 */
@Service
public class Notices {

    private final JdbcNotices store;
    private final JdbcAccounts accounts;
    private final PersonalDataProtection protection;
    private final Clock clock;

    Notices(JdbcNotices store, JdbcAccounts accounts, PersonalDataProtection protection, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.protection = protection;
        this.clock = clock;
    }

    /**
     * Notifies the subject.
     *
     * @param kind  a stable code of what happened, e.g. {@code OBJECTION_RECEIVED}, {@code REPAIR_DECIDED}
     * @param title one line, also the text message (never put an identity number in it)
     * @param body  the full text shown in self-service
     * @param link  the self-service page to look at (e.g. {@code /me/objections}), or null
     * @return the notice's id
     */
    public UUID notify(UUID subjectId, String kind, String title, String body, String link) {
        return write(subjectId, kind, title, body, link, null, null);
    }

    /**
     * Notifies the subject with a notice that self-service renders in the reader's language (G13): {@code title} and
     * {@code body} are the Chinese text, kept for the text message and the Chinese reader; {@code wording} (one of
     * {@link NoticeWording#WORDINGS}) and {@code args} give {@code notice.<wording>.title/body} in another language.
     */
    public UUID notify(UUID subjectId, String kind, String title, String body, String link, String wording,
                       List<NoticeArg> args) {
        if (!NoticeWording.WORDINGS.contains(wording)) {
            throw new IllegalArgumentException("No notice wording " + wording);
        }
        return write(subjectId, kind, title, body, link, wording, List.copyOf(args));
    }

    /** Whether a notice to the subject is also texted: the subject has an account with a phone. */
    public boolean texted(UUID subjectId) {
        return accounts.phoneOf(subjectId).isPresent();
    }

    /**
     * Notifies the subject as {@link #notify(UUID, String, String, String, String)} does and, when no account phone
     * takes the text, texts the title to {@code phone} instead: a phone typed at the credit office's window for a
     * person served there without an account (gaps review xxxi M2). One notice and one text either way. The typed
     * phone is kept sealed with the queued text only until the text is sent or given up; neither it nor the text is
     * logged.
     */
    public UUID notifyOrText(UUID subjectId, String kind, String title, String body, String link, String phone) {
        if (texted(subjectId) || phone == null || phone.isBlank()) {
            return write(subjectId, kind, title, body, link, null, null);
        }
        PersonalDataProtection.Sealed sealed = protection.seal(phone.strip(), CitizenAccounts.PHONE_PURPOSE);
        Notice notice = notice(subjectId, kind, title, body, link, true, null, null);
        store.insert(notice, new JdbcAccounts.SealedPhone(sealed.cipher(), sealed.keyVersion()));
        return notice.id();
    }

    /** One notice of a bulk sending ({@link #notifyAll}): its subject, Chinese title and body, and wording's arguments. */
    public record Addressed(UUID subjectId, String title, String body, List<NoticeArg> args) {
    }

    /**
     * Notifies many subjects at once of one kind of thing, each in the reader's language as {@link #notify(UUID, String,
     * String, String, String, String, List)} does: the phones read in one query and the notices written in one
     * statement (a grade pass may notify thousands); the texts are queued with them, sent by {@link NoticeTexts}.
     */
    public void notifyAll(String kind, String link, String wording, List<Addressed> each) {
        if (!NoticeWording.WORDINGS.contains(wording)) {
            throw new IllegalArgumentException("No notice wording " + wording);
        }
        if (each.isEmpty()) {
            return;
        }
        java.util.Map<UUID, JdbcAccounts.SealedPhone> phones = accounts.phonesOf(
                each.stream().map(Addressed::subjectId).toList());
        java.time.Instant now = clock.instant();
        List<Notice> written = each.stream().map(a -> new Notice(Ids.newId(), a.subjectId(), kind, a.title().strip(),
                a.body() == null ? "" : a.body().strip(), link, now, null,
                phones.containsKey(a.subjectId()) ? Notice.Sms.QUEUED : Notice.Sms.NONE, wording,
                List.copyOf(a.args()))).toList();
        store.insertAll(written);
    }

    private UUID write(UUID subjectId, String kind, String title, String body, String link, String wording,
                       List<NoticeArg> args) {
        Notice notice = notice(subjectId, kind, title, body, link, texted(subjectId), wording, args);
        store.insert(notice);
        return notice.id();
    }

    private Notice notice(UUID subjectId, String kind, String title, String body, String link, boolean texted,
                          String wording, List<NoticeArg> args) {
        return new Notice(Ids.newId(), subjectId, kind, title.strip(), body == null ? "" : body.strip(), link,
                clock.instant(), null, texted ? Notice.Sms.QUEUED : Notice.Sms.NONE, wording, args);
    }

    public List<Notice> of(UUID subjectId) {
        return store.ofSubject(subjectId, 200);
    }

    /** 消息通知 page by page (finding K9): the notices older than {@code before} (null: the newest), newest first. */
    public OlderPage<Notice> page(UUID subjectId, UUID before, int size) {
        return OlderPage.of(store.olderThan(subjectId, before, size), size, Notice::id);
    }

    /**
     * The notices of these ids, by id (G13: the self-service copy of a list notice, whose wording and arguments show the
     * 告知书 in the reader's language where the list notice itself keeps only its Chinese text).
     */
    public java.util.Map<UUID, Notice> byIds(java.util.Collection<UUID> ids) {
        return store.byIds(ids).stream().collect(java.util.stream.Collectors.toMap(Notice::id, n -> n));
    }

    public int unread(UUID subjectId) {
        return store.unread(subjectId);
    }

    /** Marks one of the subject's own notices read; another person's notice is unknown (404), as if it did not exist. */
    public void markRead(UUID subjectId, UUID noticeId) {
        if (!store.markRead(subjectId, noticeId, clock.instant())) {
            throw new CodedProblem("NOTICE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这条消息");
        }
    }

    public int markAllRead(UUID subjectId) {
        return store.markAllRead(subjectId, clock.instant());
    }
}
