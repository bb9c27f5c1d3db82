package cn.chengxin.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 完整性校验 as a background run (gaps review xxxv P10; RULES.md §10: the log is verifiable, the auditor runs the
 * verification from the console): the auditor's button starts it and returns at once; one run at a time across the
 * instances ({@link ClusterJobs#claimRun}, job {@value #JOB}), its progress recorded with its claim after each chunk for
 * every instance's page, its result kept in {@code audit.verification} (V419). A run verifies from the signed
 * checkpoint the last intact run reached ({@link AuditVerification#check}), so the log is not read again from its
 * beginning at each click; a full run, from the first event, on request. Start and end are audited, both as the
 * auditor who asked.
 */
@Service
public class VerificationRuns {

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);

    static final String JOB = "audit.verify";
    /**
     * How long a run is held without news from its instance: it renews its claim with each chunk (10,000 events, well
     * under a second), so a claim past this means the instance died, and the next click starts a run again.
     */
    static final Duration HOLD = Duration.ofMinutes(5);
    /** The findings kept with a run; the count is kept whole. */
    static final int FINDINGS_KEPT = 100;

    private final AuditVerification verification;
    private final Checkpoints checkpoints;
    private final ClusterJobs jobs;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final Clock clock;

    VerificationRuns(AuditVerification verification, Checkpoints checkpoints, ClusterJobs jobs, AuditLog audit,
                     JdbcClient jdbc,
                     @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                     TaskExecutor executor, Clock clock) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.jobs = jobs;
        this.audit = audit;
        this.jdbc = jdbc;
        this.executor = executor;
        this.clock = clock;
    }

    /** A finished run as kept; {@code findings} are the first {@value #FINDINGS_KEPT} of {@code findingCount}. */
    public record Run(long id, boolean full, String startedBy, Instant startedAt, Instant finishedAt, long fromSize,
                      long verifiedSize, long logSize, long eventsChecked, long checkpointsChecked, boolean intact,
                      int findingCount, List<AuditVerification.Finding> findings) {

        public Duration took() {
            return Duration.between(startedAt, finishedAt);
        }
    }

    /** What the page shows: the run going on (if any, with its progress) and the last one finished. */
    public record State(Optional<ClusterJobs.Progress> running, Optional<Run> last) {
    }

    /**
     * Starts a run for the signed-in auditor, on the application's executor, unless one is running on any instance:
     * false then (the refusal is audited too). {@code full}: from the first event rather than from the last run.
     */
    public boolean start(boolean full) {
        Actor auditor = AuditLog.currentActor();
        Optional<ClusterJobs.Claim> claim = jobs.claimRun(JOB, clock.getZone(), HOLD);
        if (claim.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify.start").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("VERIFY_ALREADY_RUNNING")));
            return false;
        }
        long from = full ? 0 : nextFrom();
        try {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify.start").detail(from == 0
                    ? AuditDetail.of("VERIFY_FULL_STARTED") : AuditDetail.of("VERIFY_STARTED").with("from", from)));
            executor.execute(() -> run(claim.get(), from, auditor));
        } catch (RuntimeException e) {
            jobs.finished(claim.get());
            throw e;
        }
        return true;
    }

    /** Runs the claimed verification from {@code from} to its end and keeps its result; the claim then ends. */
    void run(ClusterJobs.Claim claim, long from, Actor auditor) {
        Instant started = clock.instant();
        try {
            checkpoints.checkpointNow();
            AuditVerification.Report report = verification.check(from, null,
                    (through, of) -> jobs.checkpoint(claim, Long.toString(through), through - from,
                            Math.max(0, of - from), HOLD));
            long reached = report.intact() && report.lastCheckpointSize() <= report.logSize()
                    ? Math.max(from, report.lastCheckpointSize()) : 0;
            keep(from == 0, auditor.actorName(), started, from, reached, report);
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify").by(auditor)
                    .result(report.intact() ? AuditResult.SUCCESS : AuditResult.ERROR)
                    .detail(AuditDetail.of("VERIFIED_FROM").with("from", from)
                            .with("events", report.eventsChecked()).with("findings", report.findings().size())));
        } catch (AuditVerification.Stopped e) {
            log.warn("Audit verification from {} stopped: another instance took its run over", from);
        } catch (RuntimeException e) {
            log.error("Audit verification from {} failed", from, e);
        } finally {
            jobs.finished(claim);
        }
    }

    /**
     * Where the next run starts unless a full one is asked for: the signed checkpoint the last intact run reached (0:
     * none, the next run reads the whole log).
     */
    public long nextFrom() {
        return jdbc.sql("SELECT verified_size FROM audit.verification WHERE intact ORDER BY id DESC LIMIT 1")
                .query(Long.class).optional().orElse(0L);
    }

    private void keep(boolean full, String startedBy, Instant started, long from, long reached,
                      AuditVerification.Report report) {
        long id = jdbc.sql("""
                        INSERT INTO audit.verification (full_pass, started_by, started_at, finished_at, from_size,
                            verified_size, log_size, events_checked, checkpoints_checked, intact, findings)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(full, startedBy, Timestamp.from(started), Timestamp.from(report.at()), from, reached,
                        report.logSize(), report.eventsChecked(), report.checkpointsChecked(), report.intact(),
                        report.findings().size())
                .query(Long.class).single();
        List<AuditVerification.Finding> shown = report.findings().stream().limit(FINDINGS_KEPT).toList();
        for (int n = 0; n < shown.size(); n++) {
            AuditVerification.Finding f = shown.get(n);
            jdbc.sql("INSERT INTO audit.verification_finding (verification_id, n, kind, from_seq, to_seq, detail) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, n, f.kind().name(), f.fromSeq(), f.toSeq(), f.detail()).update();
        }
    }

    /** The run going on and the last one finished, as stored (the same on every instance). */
    public State state() {
        Optional<ClusterJobs.Progress> running = jobs.progress(JOB).filter(ClusterJobs.Progress::running);
        Optional<Run> last = jdbc.sql("""
                        SELECT id, full_pass, started_by, started_at, finished_at, from_size, verified_size, log_size,
                               events_checked, checkpoints_checked, intact, findings
                        FROM audit.verification ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new Run(rs.getLong(1), rs.getBoolean(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getBoolean(11), rs.getInt(12), List.of()))
                .optional()
                .map(r -> new Run(r.id(), r.full(), r.startedBy(), r.startedAt(), r.finishedAt(), r.fromSize(),
                        r.verifiedSize(), r.logSize(), r.eventsChecked(), r.checkpointsChecked(), r.intact(),
                        r.findingCount(), findings(r.id())));
        return new State(running, last);
    }

    private List<AuditVerification.Finding> findings(long id) {
        return jdbc.sql("SELECT kind, from_seq, to_seq, detail FROM audit.verification_finding "
                        + "WHERE verification_id = ? ORDER BY n")
                .param(id)
                .query((rs, n) -> new AuditVerification.Finding(
                        AuditVerification.FindingKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getString(4)))
                .list();
    }
}
