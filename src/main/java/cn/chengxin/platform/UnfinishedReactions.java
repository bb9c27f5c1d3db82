package cn.chengxin.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.JobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Module reactions ({@code @ApplicationModuleListener}: lists re-evaluated and people rescored after stored chunks,
 * rules, catalogue versions, birth dates) that did not finish are run again here, on a schedule, by one instance at a
 * time (gaps review xxxiii N6; RULES.md §7: lists follow records). Replaces republishing every unfinished one at each
 * start, which waited for a restart and re-ran those another instance was running.
 * <ul>
 *   <li>a reaction that failed ({@code FAILED}) is resubmitted after a backoff that doubles with each attempt (from
 *   {@code chengxin.events.retry-after}, at most {@code chengxin.events.retry-at-most}); it is never given up: what
 *   the records say must reach the lists, and {@link #failed()} tells monitoring how many wait;</li>
 *   <li>one an instance took and then went silent on (killed while processing, or the publication never handed to its
 *   executor) counts as failed once it is older than {@code chengxin.events.stale-after}, since its publication or
 *   its last resubmission: longer than any reaction runs, so one still running elsewhere is not run twice.</li>
 * </ul>
 * The choice is made under a transaction-scoped advisory lock (one instance per tick); each resubmission is then
 * claimed row by row by the registry ({@code status != 'RESUBMITTED'}) and runs on the executor, outside that lock.
 * Finished publications are deleted ({@code spring.modulith.events.completion-mode: delete}), not kept with their
 * payload for ever.
 */
@Component
class UnfinishedReactions {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedReactions.class);

    /** {@code hashtextextended('platform.reactions', 7)} would do too; a constant keeps it readable in pg_locks. */
    static final long LOCK = 0x6378_7265_6163_7431L;

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration retryAfter;
    private final Duration retryAtMost;

    UnfinishedReactions(JdbcClient jdbc, IncompleteEventPublications incomplete, PlatformTransactionManager transactions,
                        Clock clock, @Value("${chengxin.events.stale-after:PT1H}") Duration staleAfter,
                        @Value("${chengxin.events.retry-after:PT1M}") Duration retryAfter,
                        @Value("${chengxin.events.retry-at-most:PT1H}") Duration retryAtMost) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.retryAfter = retryAfter;
        this.retryAtMost = retryAtMost;
    }

    @Scheduled(fixedDelayString = "${chengxin.events.resubmission-tick:PT1M}",
            initialDelayString = "${chengxin.events.resubmission-tick:PT1M}")
    void tick() {
        try {
            resubmitDue();
        } catch (RuntimeException e) {
            log.error("Module reactions: resubmission failed: {}", e.toString());
            JobOutcome.failed("resubmission", e);
        }
    }

    /**
     * Marks the stale reactions failed and resubmits the failed ones whose backoff is over; nothing when another
     * instance is at it. Public to the package for tests, which run it instead of waiting for the scheduler.
     *
     * @return how many were resubmitted
     */
    int resubmitDue() {
        Instant now = clock.instant();
        Set<UUID> due = transaction.execute(tx -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK)
                    .query(Boolean.class).single())) {
                return Set.<UUID>of();
            }
            jdbc.sql("""
                            UPDATE event_publication SET status = 'FAILED'
                            WHERE completion_date IS NULL
                              AND coalesce(status, 'PUBLISHED') IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                              AND coalesce(last_resubmission_date, publication_date) < ?""")
                    .param(Timestamp.from(now.minus(staleAfter))).update();
            List<UUID> ids = jdbc.sql("""
                            SELECT id FROM event_publication
                            WHERE completion_date IS NULL AND status = 'FAILED'
                              AND coalesce(last_resubmission_date, publication_date)
                                  + least(? * power(2, least(coalesce(completion_attempts, 0), 20)), ?)
                                    * interval '1 second' <= ?
                            ORDER BY publication_date
                            LIMIT 500""")
                    .params(retryAfter.toSeconds(), retryAtMost.toSeconds(), Timestamp.from(now))
                    .query(UUID.class).list();
            return new HashSet<>(ids);
        });
        if (due == null || due.isEmpty()) {
            return 0;
        }
        log.warn("Module reactions: resubmitting {} that failed or went stale", due.size());
        incomplete.resubmitIncompletePublications(p -> due.contains(p.getIdentifier()));
        return due.size();
    }

    /**
     * Says at start, as an error, which owed reactions this release cannot run (gaps review xliv Y4): a publication
     * is stored with its event's class name, and one whose class an upgrade removed or renamed is skipped by the
     * registry at every resubmission (a WARN a minute, its attempts never counted), for ever. README 升级 step 2
     * drains the reactions before an upgrade so that none is left; one left anyway is named here once, so that its
     * effect is redone by hand (the subjects' lists and scores re-evaluated) and the row deleted.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reportUnknownTypes() {
        unknownTypes().forEach((type, count) -> log.error("Module reactions: {} owed of type {}, which this release "
                + "does not have: they will never run. Redo their effect (re-evaluate the subjects concerned) and "
                + "delete them from event_publication (README 升级 step 2)", count, type));
    }

    /** Unfinished publications by event type, of the types this release cannot load. */
    java.util.Map<String, Long> unknownTypes() {
        java.util.Map<String, Long> unknown = new java.util.TreeMap<>();
        jdbc.sql("SELECT event_type, count(*) FROM event_publication WHERE completion_date IS NULL GROUP BY event_type")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .filter(e -> !ClassUtils.isPresent(e.getKey(), UnfinishedReactions.class.getClassLoader()))
                .forEach(e -> unknown.put(e.getKey(), e.getValue()));
        return unknown;
    }

    /** Reactions that failed or went stale and wait for their next attempt (the gauge is N8's {@code chengxin.events.failed}). */
    public long failed() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED'")
                .query(Long.class).single();
    }
}
