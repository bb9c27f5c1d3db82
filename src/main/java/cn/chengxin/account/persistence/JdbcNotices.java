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
        jdbc.sql("""
                        INSERT INTO account.notice (id, subject_id, kind, title, body, link, created_at, sms, wording,
                                                    args)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(n.id(), n.subjectId(), n.kind(), n.title(), n.body(), n.link(),
                        Timestamp.from(n.createdAt()), n.sms().name(), n.wording(),
                        n.args() == null ? null : json.writeValueAsString(n.args())).update();
    }

    /** Inserts the notices in one statement (a bulk sending: one kind, one time). */
    public void insertAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO account.notice (id, subject_id, kind, title, body, link, created_at, sms, wording,
                                                    args)
                        SELECT id, subject, kind, title, body, link, created, sms, wording, args::jsonb
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

    public void smsOutcome(UUID id, Notice.Sms sms) {
        jdbc.sql("UPDATE account.notice SET sms = ? WHERE id = ?").params(sms.name(), id).update();
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
