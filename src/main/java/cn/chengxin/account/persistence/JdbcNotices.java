package cn.chengxin.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.Notice;
import cn.chengxin.account.NoticeArg;
import cn.chengxin.shared.OlderPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The account.notice table: citizens' in-app notices. */
@Repository
public class JdbcNotices {

    private static final TypeReference<List<NoticeArg>> ARGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcNotices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Notice n) {
        insert(n, null);
    }

    /**
     * Inserts the notice; a QUEUED one is due to be texted at once (the outbox, N6), to {@code windowPhone} when given
     * (a phone typed at the window, kept sealed only until the text is sent or given up), else to the account's phone.
     */
    public void insert(Notice n, JdbcAccounts.SealedPhone windowPhone) {
        jdbc.sql("""
                        INSERT INTO account.notice (id, subject_id, kind, title, body, link, created_at, sms, wording,
                                                    args, sms_due_at, sms_phone_cipher, sms_phone_key_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(n.id(), n.subjectId(), n.kind(), n.title(), n.body(), n.link(),
                        Timestamp.from(n.createdAt()), n.sms().name(), n.wording(),
                        n.args() == null ? null : json.writeValueAsString(n.args()),
                        n.sms() == Notice.Sms.QUEUED ? Timestamp.from(n.createdAt()) : null,
                        windowPhone == null ? null : windowPhone.cipher(),
                        windowPhone == null ? null : windowPhone.keyVersion()).update();
    }

    /** Inserts the notices in one statement (a bulk sending: one kind, one time). */
    public void insertAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO account.notice (id, subject_id, kind, title, body, link, created_at, sms, wording,
                                                    args, sms_due_at)
                        SELECT id, subject, kind, title, body, link, created, sms, wording, args::jsonb,
                               CASE WHEN sms = 'QUEUED' THEN created END
                        FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                                    ?::text[], ?::text[], ?::text[])
                             AS u(id, subject, kind, title, body, link, created, sms, wording, args)""")
                .params(notices.stream().map(Notice::id).toArray(UUID[]::new),
                        notices.stream().map(Notice::subjectId).toArray(UUID[]::new),
                        notices.stream().map(Notice::kind).toArray(String[]::new),
                        notices.stream().map(Notice::title).toArray(String[]::new),
                        notices.stream().map(Notice::body).toArray(String[]::new),
                        notices.stream().map(Notice::link).toArray(String[]::new),
                        notices.stream().map(n -> Timestamp.from(n.createdAt())).toArray(Timestamp[]::new),
                        notices.stream().map(n -> n.sms().name()).toArray(String[]::new),
                        notices.stream().map(Notice::wording).toArray(String[]::new),
                        notices.stream().map(n -> n.args() == null ? null : json.writeValueAsString(n.args()))
                                .toArray(String[]::new)).update();
    }

    /** A notice's text to send (the outbox, N6): the window's sealed phone, or null for the account's phone. */
    public record DueText(UUID id, UUID subjectId, String kind, String title, int attempts,
                          JdbcAccounts.SealedPhone windowPhone) {
    }

    /**
     * Claims up to {@code limit} texts due at {@code now} (a QUEUED one never tried is due whatever the clock says):
     * counts the try and moves its due time to {@code leaseUntil}, so that no other instance or thread takes it while
     * it is sent, and a try cut short by a crash is taken up again once the lease is over. Rows another transaction
     * is claiming are skipped.
     */
    public List<DueText> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE account.notice n SET sms_due_at = ?, sms_attempts = n.sms_attempts + 1
                        FROM (SELECT id FROM account.notice
                              WHERE sms_due_at IS NOT NULL AND sms IN ('QUEUED', 'FAILED')
                                AND (sms_due_at <= ? OR sms = 'QUEUED' AND sms_attempts = 0)
                              ORDER BY sms_due_at LIMIT ? FOR UPDATE SKIP LOCKED) due
                        WHERE n.id = due.id
                        RETURNING n.id, n.subject_id, n.kind, n.title, n.sms_attempts, n.sms_phone_cipher,
                                  n.sms_phone_key_version""")
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), limit)
                .query((rs, i) -> {
                    byte[] cipher = rs.getBytes(6);
                    return new DueText(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5),
                            cipher == null ? null : new JdbcAccounts.SealedPhone(cipher, rs.getInt(7)));
                }).list();
    }

    /**
     * Renews the lease of a text claimed as try {@code attempt} just before it is sent (S9 of gaps-review-xxxviii): a
     * batch's last text may wait longer than the lease for the texts before it. False when the claim is lost — another
     * sender took the text once the lease was over (its claim counted another try) or it is no longer due — and then
     * it is not sent here.
     */
    public boolean renewClaim(UUID id, int attempt, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE account.notice SET sms_due_at = ?
                        WHERE id = ? AND sms_attempts = ? AND sms IN ('QUEUED', 'FAILED') AND sms_due_at IS NOT NULL""")
                .params(Timestamp.from(leaseUntil), id, attempt).update() == 1;
    }

    /**
     * What became of a text claimed as try {@code attempt}: SENT, NONE (the account has no phone any more) or FAILED
     * with the time of the next try; without one (sent, or given up) the window's phone is emptied and the text is due
     * no more. Nothing changes when another sender has claimed it since: its outcome is that sender's to write.
     */
    public void smsOutcome(UUID id, int attempt, Notice.Sms sms, Instant nextTry) {
        jdbc.sql("""
                        UPDATE account.notice SET sms = ?, sms_due_at = ?,
                               sms_phone_cipher = CASE WHEN ?::timestamptz IS NULL THEN NULL ELSE sms_phone_cipher END,
                               sms_phone_key_version = CASE WHEN ?::timestamptz IS NULL THEN NULL
                                                            ELSE sms_phone_key_version END
                        WHERE id = ? AND sms_attempts = ?""")
                .params(sms.name(), ts(nextTry), ts(nextTry), ts(nextTry), id, attempt).update();
    }

    /** Texts given up after their last try (FAILED, due no more): for monitoring (N6, N8). */
    public long textsGivenUp() {
        return jdbc.sql("SELECT count(*) FROM account.notice WHERE sms = 'FAILED' AND sms_due_at IS NULL")
                .query(Long.class).single();
    }

    /**
     * The outbox's figures for the system administrator's page and the gauges (gaps review xxxiii N6/N8, session
     * xxxv): texts not yet tried (or being sent), texts to be tried again, the created time of the oldest text waiting
     * (null: none), texts given up, and texts sent since {@code sentSince}. Counts only: no phone, no text. Each count
     * reads an index (V356's of the waiting ones, V409's of those given up and those sent).
     */
    public TextFigures textFigures(Instant sentSince) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE sms = 'QUEUED'), count(*) FILTER (WHERE sms = 'FAILED'),
                               min(created_at),
                               (SELECT count(*) FROM account.notice WHERE sms = 'FAILED' AND sms_due_at IS NULL),
                               (SELECT count(*) FROM account.notice WHERE sms = 'SENT' AND created_at >= ?)
                        FROM account.notice WHERE sms_due_at IS NOT NULL""")
                .param(Timestamp.from(sentSince))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    return new TextFigures(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant(),
                            rs.getLong(4), rs.getLong(5));
                }).single();
    }

    /** See {@link #textFigures(Instant)}. */
    public record TextFigures(long queued, long failing, Instant oldestWaiting, long givenUp, long sentRecently) {

        public long waiting() {
            return queued + failing;
        }
    }

    /** Texts waiting to be sent or tried again. */
    public long textsWaiting() {
        return jdbc.sql("SELECT count(*) FROM account.notice WHERE sms_due_at IS NOT NULL").query(Long.class).single();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public List<Notice> ofSubject(UUID subjectId, int limit) {
        return jdbc.sql("""
                        SELECT id, subject_id, kind, title, body, link, created_at, read_at, sms, wording, args
                        FROM account.notice WHERE subject_id = ? ORDER BY created_at DESC LIMIT ?""")
                .params(subjectId, limit).query(this::notice).list();
    }

    /** The notices older than {@code before} (null: the newest), newest first: {@code size} and one more at most. */
    public List<Notice> olderThan(UUID subjectId, UUID before, int size) {
        return jdbc.sql(OlderPage.sql("SELECT id, subject_id, kind, title, body, link, created_at, read_at, sms, wording, "
                        + "args FROM account.notice", "account.notice", "created_at", before))
                .params(OlderPage.params(subjectId, before, size)).query(this::notice).list();
    }

    /** The given notices (a list notice's self-service copies, G13), whoever's they are; those missing are left out. */
    public List<Notice> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, subject_id, kind, title, body, link, created_at, read_at, sms, wording, args
                        FROM account.notice WHERE id = ANY(?)""")
                .param(ids.toArray(UUID[]::new)).query(this::notice).list();
    }

    public int unread(UUID subjectId) {
        return jdbc.sql("SELECT count(*) FROM account.notice WHERE subject_id = ? AND read_at IS NULL")
                .param(subjectId).query(Integer.class).single();
    }

    /** Marks one of the subject's notices read; false when it is not theirs (or does not exist). */
    public boolean markRead(UUID subjectId, UUID id, Instant at) {
        return jdbc.sql("""
                        UPDATE account.notice SET read_at = coalesce(read_at, ?)
                        WHERE id = ? AND subject_id = ?""").params(Timestamp.from(at), id, subjectId).update() == 1;
    }

    public int markAllRead(UUID subjectId, Instant at) {
        return jdbc.sql("UPDATE account.notice SET read_at = ? WHERE subject_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), subjectId).update();
    }

    private Notice notice(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        String args = rs.getString("args");
        return new Notice(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant(),
                Notice.Sms.valueOf(rs.getString("sms")), rs.getString("wording"),
                args == null ? null : json.readValue(args, ARGS));
    }
}
