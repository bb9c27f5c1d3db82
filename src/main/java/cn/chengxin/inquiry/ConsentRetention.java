package cn.chengxin.inquiry;

import java.sql.Timestamp;
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
 * How long a consent (查询授权) and what hangs on it stay (gaps review xlvi AA2, the lead's retention schedule; PIPL
 * Art. 19, 47 ¶1 (2)-(3)). A consent is the institution's proof that it queried with the person's authorisation
 * (征信业管理条例 Art. 18) and part of the query log kept ten years (RULES.md §9): it is kept ten years after it ended
 * (withdrawn, expired, used up or rejected; {@code chengxin.inquiry.consent-retention}, P10Y, refused at start below
 * that: a setting may lengthen it, never shorten it), never while it is in force. Then it goes with the reports issued
 * on it, the counter visits and papers about it, its review and its migration row. The query itself stays in the audit
 * log under that log's own retention ({@code audit.AuditRetention}): {@code /me/access} reads it, not these rows.
 *
 * <p>The runtime role may not delete these rows (V571): the deletion is the owner's function
 * {@code inquiry.delete_ended_consents} (V1034), which judges the ten years itself from each consent's own end
 * columns by the database server's clock, so a cutoff wrong here deletes nothing younger. What a pass deleted is
 * audited by count, never by content.
 *
 * <p>Nightly, a chunk of consents per transaction under a claim ({@link ResumablePasses}), read in grant order (a
 * consent ended before the cutoff was granted before it): a pass per day, never one huge DELETE; two instances never
 * prune the same chunk, and a pass a stop interrupted goes on with the next day's.
 */
@Service
class ConsentRetention {

    private static final Logger log = LoggerFactory.getLogger(ConsentRetention.class);

    /** The lead's schedule (gaps review xlvi AA2): the query log's ten years (RULES.md §9), from the consent's end. */
    static final Period MINIMUM = Period.ofYears(10);

    static final String SETTING = "chengxin.inquiry.consent-retention";

    static final String CODE = "consent";

    private static final int CHUNK = 500;

    private final Period period;
    private final JdbcClient jdbc;
    private final RetentionPasses passes;
    private final TransactionTemplate auditing;
    private final AuditLog audit;
    private final Clock clock;

    ConsentRetention(@Value("${chengxin.inquiry.consent-retention:P10Y}") Period period, JdbcClient jdbc,
                     PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.period = RetentionPasses.atLeast(period, MINIMUM, SETTING,
                "gaps review xlvi AA2, RULES.md §9: a consent is kept ten years after it ends, as the query log");
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.passes = new RetentionPasses(jdbc, transactions, clock, "inquiry.consent_retention_pass");
        this.auditing = transactions == null ? null : new TransactionTemplate(transactions);
    }

    /** The period in force. */
    Period period() {
        return period;
    }

    /** Nightly at 04:25 Beijing time, after the notices' retention (04:20) and before the exchange's (04:40). */
    @Scheduled(cron = "${chengxin.inquiry.consent-retention-cron:0 25 4 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        prune(clock);
    }

    /**
     * Runs (or joins, or goes on with) the pass of {@code now}'s day: deletes the consents that ended before
     * {@code now} less the period, with what hangs on them. Returns what was deleted here.
     */
    Deleted prune(Clock now) {
        return prune(now, CHUNK);
    }

    /** As {@link #prune(Clock)}, {@code chunk} consents read per transaction (a test's small chunks). */
    Deleted prune(Clock now, int chunk) {
        int day = RetentionPasses.day(now);
        Deleted[] total = {Deleted.NONE};
        passes.run(CODE, now, RetentionPasses.back(period, now), chunk, (after, size) -> {
            Read done = chunk(day, after, size);
            total[0] = total[0].plus(done.deleted());
            return new ResumablePasses.Chunk(done.last(), done.read(), (int) done.deleted().consents());
        });
        Deleted deleted = total[0];
        if (deleted.consents() > 0) {
            // One event a run, by count: who consented to whom, and what the reports said, is written nowhere.
            auditing.executeWithoutResult(tx -> audit.record(AuditEntry.of(AuditCategory.PROCESSING,
                    "privacy.consent-retention").detail(AuditDetail.of("CONSENTS_DELETED")
                    .with("consents", deleted.consents()).with("reports", deleted.reports())
                    .with("visits", deleted.counterVisits()).with("papers", deleted.counterPapers())
                    .with("period", period))));
            log.info("Consent retention: {} consents ended more than {} ago deleted, with {} reports, {} counter "
                            + "visits and {} counter papers", deleted.consents(), period, deleted.reports(),
                    deleted.counterVisits(), deleted.counterPapers());
        }
        return deleted;
    }

    Optional<ResumablePasses.Pass> pass(LocalDate day) {
        return passes.pass(CODE, day);
    }

    /** What a pass, or the owner's function for one chunk, deleted. */
    record Deleted(long consents, long reports, long counterVisits, long counterPapers) {

        static final Deleted NONE = new Deleted(0, 0, 0, 0);

        Deleted plus(Deleted other) {
            return new Deleted(consents + other.consents, reports + other.reports,
                    counterVisits + other.counterVisits, counterPapers + other.counterPapers);
        }
    }

    private record Read(UUID last, int read, Deleted deleted) {
    }

    /**
     * The next {@code size} consents granted before the cutoff after the pass's position, in (grant time, id) order on
     * {@code consent_by_grant} (V1031; {@link RetentionPasses#nextBefore}), handed to the owner's function, which
     * deletes those ended before the cutoff (and ten years before its own clock) and leaves the rest. The position
     * moves past all of them, so that a consent still in force is read again only by the next night's pass.
     */
    private Read chunk(int day, UUID after, int size) {
        List<RetentionPasses.Timed> read = passes.nextBefore(CODE, day, after, size, "inquiry.consent", "granted_at");
        if (read.isEmpty()) {
            return new Read(null, 0, Deleted.NONE);
        }
        Deleted deleted = jdbc.sql("SELECT consents, reports, counter_visits, counter_papers "
                        + "FROM inquiry.delete_ended_consents(?, ?)")
                .params(read.stream().map(RetentionPasses.Timed::id).toArray(UUID[]::new),
                        Timestamp.from(passes.cutoff(CODE, day)))
                .query((rs, n) -> new Deleted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        RetentionPasses.Timed last = read.get(read.size() - 1);
        passes.movePast(CODE, day, last);
        return new Read(last.id(), read.size(), deleted);
    }
}
