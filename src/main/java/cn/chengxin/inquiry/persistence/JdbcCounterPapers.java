package cn.chengxin.inquiry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The papers scanned with counter services ({@code inquiry.counter_paper}, gaps review xxxi M2). */
@Repository
public class JdbcCounterPapers {

    private final JdbcClient jdbc;

    public JdbcCounterPapers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A paper as listed beside its counter service: no content. */
    public record Listed(UUID id, UUID visitId, String kind, String filename) {
    }

    /** A paper with its content and the counter service it belongs to, for a download. */
    public record Stored(UUID id, UUID visitId, UUID subjectId, String clerkId, UUID consentId, String filename,
                         String contentType, byte[] content) {
    }

    public void insert(UUID id, UUID visitId, String kind, String filename, String contentType, byte[] content,
                       String sha256, Instant at) {
        jdbc.sql("""
                        INSERT INTO inquiry.counter_paper (id, visit_id, kind, filename, content_type, content, sha256,
                                                           uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, visitId, kind, filename, contentType, content, sha256, Timestamp.from(at)).update();
    }

    /** The papers of the given counter services, by service. */
    public Map<UUID, List<Listed>> ofVisits(Collection<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT id, visit_id, kind, filename FROM inquiry.counter_paper
                        WHERE visit_id = ANY (?) ORDER BY kind, uploaded_at""")
                .params((Object) visitIds.toArray(UUID[]::new))
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .list().stream().collect(Collectors.groupingBy(Listed::visitId));
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                        SELECT p.id, p.visit_id, v.subject_id, v.clerk_id, v.consent_id, p.filename, p.content_type,
                               p.content
                        FROM inquiry.counter_paper p JOIN inquiry.counter_visit v ON v.id = p.visit_id
                        WHERE p.id = ?""")
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getString(7), rs.getBytes(8)))
                .optional();
    }
}
