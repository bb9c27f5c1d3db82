package cn.chengxin.inquiry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The papers scanned with counter services ({@code inquiry.counter_paper}, gaps review xxxi M2). */
@Repository
public class JdbcCounterPapers {

    /**
     * Papers are sealed for their row (PIPL Art. 51, RULES.md §10; gaps review xxxi M4): a scanned identity card or a
     * signed authorisation is never in clear in the database, a dump or a backup, and cannot be moved to another row.
     */
    public static final String SEALED_FOR = "inquiry.counter-paper:";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    public JdbcCounterPapers(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** A paper as listed beside its counter service: no content. */
    public record Listed(UUID id, UUID visitId, String kind, String filename) {
    }

    /** A paper with its content and the counter service it belongs to, for a download. */
    public record Stored(UUID id, UUID visitId, UUID subjectId, String clerkId, UUID consentId, String filename,
                         String contentType, byte[] content) {
    }

    /** Inserts a paper, sealed for its row. */
    public void insert(UUID id, UUID visitId, String kind, String filename, String contentType, byte[] content,
                       String sha256, Instant at) {
        PersonalDataProtection.Sealed sealed = protection.sealFile(content, SEALED_FOR + id);
        jdbc.sql("""
                        INSERT INTO inquiry.counter_paper (id, visit_id, kind, filename, content_type, content,
                                                           content_key_version, sha256, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, visitId, kind, filename, contentType, sealed.cipher(), sealed.keyVersion(), sha256,
                        Timestamp.from(at)).update();
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
                               p.content, p.content_key_version
                        FROM inquiry.counter_paper p JOIN inquiry.counter_visit v ON v.id = p.visit_id
                        WHERE p.id = ?""")
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getString(7), protection.openFile(rs.getBytes(8), rs.getInt(9), SEALED_FOR + rs.getObject(1,
                        UUID.class))))
                .optional();
    }
}
