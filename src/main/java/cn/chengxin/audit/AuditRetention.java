package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * How long each kind of event keeps its content (RULES.md §10): security events ≥ 180 days (Cybersecurity
 * Law Art. 21), processing records ≥ 3 years (PIPL Art. 56), queries of personal data ≥ 10 years. After
 * that the content is emptied; the leaf hash, time and category stay, so the tree and its proofs still
 * verify. Periods below the legal minimum are refused at start.
 */
@Service
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    /** Issue #3's 180 days (Cybersecurity Law Art. 21: 不少于六个月). */
    static final Duration SECURITY_MINIMUM = Duration.ofDays(180);

    /**
     * Three years and ten years as calendar years, whatever leap days they hold (gaps-review-xxviii J6): 365-day years
     * would let a period of {@code 3650d} empty query events two or three days before their tenth year.
     */
    static final Duration PROCESSING_MINIMUM = Duration.ofDays(3 * 365 + 1);
    static final Duration QUERY_MINIMUM = Duration.ofDays(10 * 365 + 3);

    private final Duration security;
    private final Duration processing;
    private final Duration query;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditRetention(@Value("${chengxin.audit.retention.security:400d}") Duration security,
                   @Value("${chengxin.audit.retention.processing:1100d}") Duration processing,
                   @Value("${chengxin.audit.retention.query:3660d}") Duration query, JdbcClient jdbc, Clock clock) {
        require(security, SECURITY_MINIMUM, "security");
        require(processing, PROCESSING_MINIMUM, "processing");
        require(query, QUERY_MINIMUM, "query");
        this.security = security;
        this.processing = processing;
        this.query = query;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Duration periodOf(AuditCategory category) {
        return switch (category) {
            case SECURITY -> security;
            case PROCESSING -> processing;
            case QUERY -> query;
        };
    }

    /**
     * Daily at 03:30 Beijing time, as every other nightly job (gaps review xxxiii N5: in the server's zone a UTC host ran
     * it at 11:30 in office hours).
     */
    @Scheduled(cron = "${chengxin.audit.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    public int prune() {
        return prune(clock);
    }

    /** Empties the content of events past their period as of {@code now}'s time (tests move it). */
    public int prune(Clock now) {
        int total = 0;
        for (AuditCategory category : AuditCategory.values()) {
            // Through the owner's function (V375): the runtime role may not UPDATE audit.event (gaps review xxxiii
            // N12); the function empties the same columns and refuses a period below the legal minimum itself.
            total += jdbc.sql("SELECT audit.empty_past_retention(?, ?, ?)")
                    .params(category.name(), java.sql.Timestamp.from(now.instant().minus(periodOf(category))),
                            java.sql.Timestamp.from(now.instant())).query(Integer.class).single();
        }
        if (total > 0) {
            log.info("Audit retention: content of {} events past their period emptied", total);
        }
        return total;
    }

    private static void require(Duration configured, Duration minimum, String what) {
        if (configured.compareTo(minimum) < 0) {
            throw new IllegalStateException("chengxin.audit.retention." + what + " (" + configured.toDays()
                    + " days) is below the legal minimum of " + minimum.toDays() + " days");
        }
    }
}
