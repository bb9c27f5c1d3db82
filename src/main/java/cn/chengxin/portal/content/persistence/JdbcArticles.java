package cn.chengxin.portal.content.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.portal.Article;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portal.article table. Every state change is one UPDATE guarded by the expected state and version, so
 * of two people acting on the same version only the first changes anything.
 */
@Repository
public class JdbcArticles {

    private static final String COLUMNS = """
            id, kind, status, version, title, summary, body, created_by, created_at, edited_by, edited_at,
            submitted_by, submitted_at, reviewed_by, reviewed_at, review_note, published_at, withdrawn_by,
            withdrawn_at, confidentiality_reviewed""";

    /** Published articles of one kind (or any, when the kind is null) whose title contains the search text. */
    private static final String PUBLISHED_WHERE = """
             WHERE status = 'PUBLISHED' AND (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND title ILIKE '%' || :query || '%' ESCAPE '\\'""";

    private final JdbcClient jdbc;

    public JdbcArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.article WHERE id = ?").param(id)
                .query(JdbcArticles::article).optional();
    }

    public List<Article> all(ArticleStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.article WHERE (CAST(? AS text) IS NULL OR status = ?) "
                        + "ORDER BY edited_at DESC LIMIT 500")
                .params(name(status), name(status)).query(JdbcArticles::article).list();
    }

    /** The articles submitted for review that {@code reviewer} neither wrote, last edited nor submitted. */
    public long countPendingFor(String reviewer) {
        return jdbc.sql("SELECT count(*) FROM portal.article WHERE status = 'PENDING' AND created_by <> ? "
                        + "AND edited_by <> ? AND submitted_by IS DISTINCT FROM ?")
                .params(reviewer, reviewer, reviewer).query(Long.class).single();
    }

    public List<Article> published(ArticleKind kind, String query, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.article " + PUBLISHED_WHERE
                        + " ORDER BY published_at DESC, id LIMIT :limit OFFSET :offset")
                .param("kind", name(kind)).param("query", likeLiteral(query)).param("limit", limit)
                .param("offset", offset).query(JdbcArticles::article).list();
    }

    public long countPublished(ArticleKind kind, String query) {
        return jdbc.sql("SELECT count(*) FROM portal.article " + PUBLISHED_WHERE)
                .param("kind", name(kind)).param("query", likeLiteral(query)).query(Long.class).single();
    }

    public void insert(UUID id, ArticleText text, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO portal.article (id, kind, status, title, summary, body, created_by, created_at,
                                                    edited_by, edited_at)
                        VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, text.kind().name(), text.title(), text.summary(), text.body(), by, Timestamp.from(at),
                        by, Timestamp.from(at))
                .update();
    }

    public boolean edit(UUID id, int version, ArticleText text, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE portal.article SET status = 'DRAFT', version = version + 1, kind = ?, title = ?,
                               summary = ?, body = ?, edited_by = ?, edited_at = ?
                        WHERE id = ? AND version = ? AND status IN ('DRAFT', 'WITHDRAWN')""")
                .params(text.kind().name(), text.title(), text.summary(), text.body(), by, Timestamp.from(at), id,
                        version)
                .update() == 1;
    }

    public boolean submit(UUID id, int version, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE portal.article SET status = 'PENDING', version = version + 1, submitted_by = ?,
                               submitted_at = ?, reviewed_by = NULL, reviewed_at = NULL, review_note = NULL
                        WHERE id = ? AND version = ? AND status = 'DRAFT'""")
                .params(by, Timestamp.from(at), id, version).update() == 1;
    }

    /** {@code confidentialityReviewed}: the reviewer confirmed the case's 保密审查, kept with the review. */
    public boolean publish(UUID id, int version, String by, Instant at, String note, boolean confidentialityReviewed) {
        return jdbc.sql("""
                        UPDATE portal.article SET status = 'PUBLISHED', version = version + 1, reviewed_by = ?,
                               reviewed_at = ?, review_note = ?, published_at = ?, withdrawn_by = NULL,
                               withdrawn_at = NULL, confidentiality_reviewed = ?
                        WHERE id = ? AND version = ? AND status = 'PENDING'""")
                .params(by, Timestamp.from(at), note, Timestamp.from(at), confidentialityReviewed, id, version)
                .update() == 1;
    }

    public boolean reject(UUID id, int version, String by, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE portal.article SET status = 'DRAFT', version = version + 1, reviewed_by = ?,
                               reviewed_at = ?, review_note = ?, confidentiality_reviewed = false
                        WHERE id = ? AND version = ? AND status = 'PENDING'""")
                .params(by, Timestamp.from(at), note, id, version).update() == 1;
    }

    public boolean withdraw(UUID id, int version, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE portal.article SET status = 'WITHDRAWN', version = version + 1, withdrawn_by = ?,
                               withdrawn_at = ?
                        WHERE id = ? AND version = ? AND status = 'PUBLISHED'""")
                .params(by, Timestamp.from(at), id, version).update() == 1;
    }

    /** A record a typical case reports, named by its decision document number. */
    public record RecordLink(UUID recordKey, UUID subjectId, String decisionNumber) {
    }

    public List<RecordLink> links(UUID articleId) {
        return jdbc.sql("SELECT record_key, subject_id, decision_number FROM portal.article_record WHERE article_id = ? "
                        + "ORDER BY decision_number, record_key").param(articleId)
                .query((rs, n) -> new RecordLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3))).list();
    }

    public void replaceLinks(UUID articleId, List<RecordLink> links) {
        jdbc.sql("DELETE FROM portal.article_record WHERE article_id = ?").param(articleId).update();
        for (RecordLink link : links) {
            jdbc.sql("""
                            INSERT INTO portal.article_record (article_id, record_key, subject_id, decision_number)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(articleId, link.recordKey(), link.subjectId(), link.decisionNumber()).update();
        }
    }

    /** The published articles that report one of the records. */
    public List<Article> publishedLinkedTo(java.util.Collection<UUID> recordKeys) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal.article WHERE status = 'PUBLISHED' AND id IN "
                        + "(SELECT article_id FROM portal.article_record WHERE record_key = ANY (?))")
                .param(recordKeys.toArray(UUID[]::new)).query(JdbcArticles::article).list();
    }

    /** The search text as a LIKE pattern that matches only itself: {@code %}, {@code _} and {@code \} escaped. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Article article(ResultSet rs, int n) throws SQLException {
        return new Article(rs.getObject(1, UUID.class), ArticleKind.valueOf(rs.getString(2)),
                ArticleStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10),
                instant(rs.getTimestamp(11)), rs.getString(12), instant(rs.getTimestamp(13)), rs.getString(14),
                instant(rs.getTimestamp(15)), rs.getString(16), instant(rs.getTimestamp(17)), rs.getString(18),
                instant(rs.getTimestamp(19)), rs.getBoolean(20));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
