package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.RetentionPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long a notice (消息通知) stays (gaps review xlvi AA2; PIPL Art. 19: no longer than the purpose needs, Art. 47
 * ¶1 (2): deleted when the period ends). A notice tells a person that something happened to their file; what happened
 * is kept by the case, record or consent it was about, so the notice's own purpose ends long before those. The lead's
 * retention schedule keeps it three years after it was sent ({@code chengxin.account.notice-retention}, P3Y, refused
 * at start below that: a setting may lengthen it, never shorten it), read or not, texted or not; then the row goes
 * with its text's outbox state. What a pass deleted is audited by count, never by content.
 *
 * <p>Nightly, a chunk of notices per transaction under a claim ({@link ResumablePasses}): a pass per day, never one
 * huge DELETE; two instances never prune the same chunk, and a pass a stop interrupted goes on with the next day's.
 */
@Service
public class NoticeRetention {

    private static final Logger log = LoggerFactory.getLogger(NoticeRetention.class);

    /** The lead's schedule (gaps review xlvi AA2): three years after the notice was sent. */
    public static final Period MINIMUM = Period.ofYears(3);

    static final String SETTING = "chengxin.account.notice-retention";

    static final String CODE = "notice";

    private static final int CHUNK = 2_000;

    private final Period period;
    private final JdbcClient jdbc;
    private final RetentionPasses passes;
    private final TransactionTemplate auditing;
    private final AuditLog audit;
    private final Clock clock;

    NoticeRetention(@Value("${chengxin.account.notice-retention:P3Y}") Period period, JdbcClient jdbc,
                    PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.period = RetentionPasses.atLeast(period, MINIMUM, SETTING,
                "gaps review xlvi AA2: notices are kept three years after they are sent");
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.passes = new RetentionPasses(jdbc, transactions, clock, "account.notice_retention_pass");
        this.auditing = transactions == null ? null : new TransactionTemplate(transactions);
    }

    /** The period in force, as {@code /privacy} states it. */
    public Period period() {
        return period;
    }

    /** Nightly at 04:20 Beijing time, between the checks' retention (04:10) and the exchange's (04:40). */
    @Scheduled(cron = "${chengxin.account.notice-retention-cron:0 20 4 * * *}", zone = "Asia/Shanghai")
    public void nightly() {
        prune(clock);
    }

    /**
     * Runs (or joins, or goes on with) the pass of {@code now}'s day: deletes the notices sent before {@code now} less
     * the period. Returns the notices deleted here.
     */
    public long prune(Clock now) {
        return prune(now, CHUNK);
    }

    /** As {@link #prune(Clock)}, {@code chunk} notices per transaction (a test's small chunks). */
    long prune(Clock now, int chunk) {
        long deleted = passes.prune(CODE, now, RetentionPasses.back(period, now), chunk, this::chunk);
        if (deleted > 0) {
            // One event a run, by count: the content of what went is never written anywhere.
            auditing.executeWithoutResult(tx -> audit.record(AuditEntry.of(AuditCategory.PROCESSING,
                    "privacy.notice-retention").detail(AuditDetail.of("NOTICES_DELETED")
                    .with("notices", deleted).with("period", period))));
            log.info("Notice retention: {} notices sent more than {} ago deleted", deleted, period);
        }
        return deleted;
    }

    public Optional<ResumablePasses.Pass> pass(LocalDate day) {
        return passes.pass(CODE, day);
    }

    /**
     * The next {@code size} notices sent before the cutoff after the pass's position, in (time, id) order on
     * {@code notice_by_time} (V1006), deleted; the position moves past them ({@link RetentionPasses#nextBefore}).
     */
    private ResumablePasses.Chunk chunk(int day, UUID after, int size) {
        List<RetentionPasses.Timed> read = passes.nextBefore(CODE, day, after, size, "account.notice", "created_at");
        if (read.isEmpty()) {
            return new ResumablePasses.Chunk(null, 0, 0);
        }
        int deleted = jdbc.sql("DELETE FROM account.notice WHERE id = ANY (?)")
                .param(read.stream().map(RetentionPasses.Timed::id).toArray(UUID[]::new)).update();
        RetentionPasses.Timed last = read.get(read.size() - 1);
        passes.movePast(CODE, day, last);
        return new ResumablePasses.Chunk(last.id(), read.size(), deleted);
    }
}
