package cn.chengxin.platform.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.consistency.ConsistencyCheck;
import cn.chengxin.shared.consistency.Finding;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly consistency report (gaps review xli V4, V8, V9): what the database cannot cheaply refuse on the hot
 * paths is checked once a night, once across the instances, by each module's own {@link ConsistencyCheck}s, and
 * reported, not refused. Each check's count and first ids are kept in {@code shared.consistency_finding} (V760), shown
 * by the gauge {@code chengxin_consistency_findings{check}} on every instance, and logged as a warning when not zero:
 * the office starts from the ids (records, scores, further documents; never a number) and corrects through the
 * modules' own procedures (objections, corrections, joins).
 */
@Component
class ConsistencyReport extends ScheduledDailyJob implements MeterBinder {

    static final String JOB = "platform.consistency";
    /** At night, Beijing time, after the figures' and the recompute's hours. */
    static final String CRON = "${chengxin.consistency.cron:0 30 3 * * *}";
    /** Ids kept a check: enough to start looking, not a copy of a broken table. */
    static final int EXAMPLES = 10;
    /** The claim of a night's run: the checks take minutes at a city's size; a run that dies is done the next night. */
    private static final Duration HOLD = Duration.ofHours(4);

    private static final Logger log = LoggerFactory.getLogger(ConsistencyReport.class);

    private final List<ConsistencyCheck> checks;
    private final JdbcClient jdbc;

    ConsistencyReport(List<ConsistencyCheck> checks, JdbcClient jdbc, ClusterJobs jobs, Clock clock,
                      @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.checks = List.copyOf(checks);
        this.jdbc = jdbc;
    }

    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        runDay(today());
    }

    /** Runs the report for {@code day} when no instance took it yet. */
    @Override
    public void runDay(LocalDate day) {
        if (jobs.claimDay(JOB, day, HOLD)) {
            try {
                report();
            } finally {
                jobs.finished(JOB, day);
            }
        }
    }

    /** Runs every check now, keeps and logs what each found. */
    List<Finding> report() {
        List<Finding> found = new ArrayList<>();
        for (ConsistencyCheck check : checks) {
            for (Finding f : check.run(EXAMPLES)) {
                keep(f);
                if (f.count() > 0) {
                    log.warn("Consistency: {} finds {} rows, e.g. {}", f.check(), f.count(), f.examples());
                }
                found.add(f);
            }
        }
        log.info("Consistency report: {} checks, {} with findings", found.size(),
                found.stream().filter(f -> f.count() > 0).count());
        return found;
    }

    private void keep(Finding f) {
        jdbc.sql("""
                        INSERT INTO shared.consistency_finding (check_name, findings, examples, counted_at)
                        VALUES (?, ?, ?::text[], ?)
                        ON CONFLICT (check_name) DO UPDATE SET findings = excluded.findings,
                            examples = excluded.examples, counted_at = excluded.counted_at""")
                .params(f.check(), f.count(), f.examples().toArray(String[]::new), Timestamp.from(clock.instant()))
                .update();
    }

    /** The last count kept for a check; 0 before its first run (its job's own success gauge tells that apart). */
    long findings(String check) {
        return jdbc.sql("SELECT findings FROM shared.consistency_finding WHERE check_name = ?").param(check)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConsistencyCheck check : checks) {
            for (String name : check.checks()) {
                Gauge.builder("chengxin.consistency.findings", this, r -> r.findings(name)).tag("check", name)
                        .description("Rows breaking a rule the nightly consistency report checks (README)")
                        .register(registry);
            }
        }
    }
}
