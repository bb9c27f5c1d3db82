package cn.chengxin.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The older platform's audit trail and query log, archived at the move (gaps review xliii X8; RULES.md §9, §10: query
 * logs kept at least 10 years, processing records at least 3, PIPL Art. 56): they are kept read-only where the city
 * keeps them, not imported, and this platform records the archive — its SM3 digest, place, custodian and the period it
 * covers — as one audit event {@code platform.migration.legacy-audit} ({@link LegacyAuditCommand}), in the tamper-evident
 * log the audit administrator reads, so that the keeping of the old logs is someone's job on paper and the archive can
 * be checked against its digest at any later audit.
 *
 * <p>谁查询了我 says from which day it covers ({@link #coverage}): the day of the first such event. Not a configuration
 * property: the event is the cut-over record itself, written once at the cut-over and kept in the log (a QUERY event,
 * kept as long as query logs are), so the page cannot drift from it, and a platform that never moved from another says
 * nothing of an older one. Until it is recorded the page says nothing of an archive.
 */
@Service
public class LegacyAuditArchive {

    public static final String ACTION = "platform.migration.legacy-audit";
    private static final int TEXT_MAX = 200;

    private final AuditLog audit;
    private final JdbcClient jdbc;

    LegacyAuditArchive(AuditLog audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The archive as recorded.
     *
     * @param sm3   the archive's hex SM3 digest (GB/T 32905), 64 hex digits
     * @param place where it is kept (a system, a room, a medium's label)
     * @param custodian who keeps it: an office or a named post
     * @param from  the first day the old logs cover
     * @param until the last day they cover (the cut-over)
     */
    public record Archive(String sm3, String place, String custodian, LocalDate from, LocalDate until) {

        public Archive {
            sm3 = sm3 == null ? "" : sm3.strip().toLowerCase(Locale.ROOT);
            if (!sm3.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sm3: 64 hex digits");
            }
            place = text("place", place);
            custodian = text("custodian", custodian);
            if (from == null || until == null || until.isBefore(from)) {
                throw new IllegalArgumentException("from and until: two days, until not before from");
            }
        }

        private static String text(String name, String value) {
            String trimmed = value == null ? "" : value.strip();
            if (trimmed.isEmpty() || trimmed.length() > TEXT_MAX) {
                throw new IllegalArgumentException(name + ": 1 to " + TEXT_MAX + " characters");
            }
            return trimmed;
        }
    }

    /** What 谁查询了我 says: the day this platform's records begin, and where the older ones are kept. */
    public record Coverage(LocalDate since, String place, String custodian) {
    }

    /** Records the archive: one audit event (its sequence number returned). */
    public long record(Archive archive) {
        return audit.record(AuditEntry.of(AuditCategory.QUERY, ACTION).purpose("平台迁移：原平台审计日志与查询日志归档",
                        "中华人民共和国个人信息保护法 第五十六条")
                .detail(AuditDetail.of("LEGACY_AUDIT_ARCHIVED").with("sm3", archive.sm3())
                        .with("place", archive.place()).with("custodian", archive.custodian())
                        .with("from", archive.from()).with("until", archive.until())));
    }

    /** The first archive recorded: its day (Beijing) and where the older logs are; empty before any. */
    public Optional<Coverage> coverage() {
        return jdbc.sql("SELECT at, detail FROM audit.event WHERE action = ? ORDER BY seq LIMIT 1").param(ACTION)
                .query((rs, n) -> {
                    LocalDate day = LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), ZoneId.of("Asia/Shanghai"));
                    Optional<AuditDetail> detail = AuditDetail.parse(rs.getString(2));
                    return new Coverage(day, detail.flatMap(d -> d.value("place")).orElse(null),
                            detail.flatMap(d -> d.value("custodian")).orElse(null));
                }).optional();
    }
}
