package cn.chengxin.platform.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.platform.database.SchemaVersion;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.JobOutcome;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.RetentionPasses;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xlii W5: every scheduled run is recorded in {@code shared.job_run} through Spring's observation of
 * scheduled methods (no job edited for it), with its outcome, duration and amount; a failure's message is kept with
 * identity numbers masked; a job that runs every few seconds adds to its hour's row; old hours are deleted; the
 * 后台作业 page shows it all to the system and audit administrators only.
 */
@IntegrationTest
class JobRunRecordsIT {

    /** A resident identity number a failing job's exception quotes (synthetic: 1949-12-31, Beijing's code). */
    private static final String NUMBER = "11010519491231002X";

    @Autowired
    private cn.chengxin.platform.settings.UnknownSettings unknownSettings;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    JobRunRecords records;

    @Autowired
    SchemaVersion schema;

    @Autowired
    JobRunRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JobRuns runs;

    @Autowired
    MessageSource messages;

    /** Jobs as the scheduler runs them: each is named by its class and method. */
    static class NightlySample {
        void empties() {
            JobAmount.add(7);
        }

        void findsNothing() {
            JobAmount.add(0);
        }

        void fails() {
            throw new IllegalStateException("no file for " + NUMBER + "\nsecond line");
        }
    }

    /** A job whose steps are guarded, as the list tick's: a failed step is caught, said, and the next goes on. */
    static class GuardedSample {
        void tick() {
            try {
                throw new IllegalStateException("no entry for " + NUMBER);
            } catch (RuntimeException e) {
                JobOutcome.failed("activation", e);
            }
            JobAmount.add(3);
        }
    }

    /** A job that works in passes, as the check and exchange retention: three chunks of 4 deleted each. */
    record PassSample(RetentionPasses passes, String code) {

        void nightly() {
            int[] full = {2};
            passes.run(code, Clock.systemUTC(), Duration.ofDays(1), 10,
                    (after, size) -> new ResumablePasses.Chunk(null, full[0]-- > 0 ? size : 3, 4));
        }
    }

    static class FrequentSample {
        void tick() {
        }
    }

    @Test
    void aRealJobIsRecordedThroughTheSchedulersObservation() {
        // The check index refreshes every 250 ms on the application's own scheduler: its runs reach the table.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT coalesce(sum(runs), 0) FROM shared.job_run WHERE job = 'CheckIndex.refresh'")
                .query(Long.class).single() > 0);
    }

    @Test
    void aSucceedingAndAFailingRunAreRecordedWithTheirAmountAndNoIdentityNumber() throws Exception {
        run(new NightlySample(), "empties");
        run(new NightlySample(), "findsNothing");
        assertThatThrownBy(() -> run(new NightlySample(), "fails")).isInstanceOf(IllegalStateException.class);

        Map<String, Object> empties = row("NightlySample.empties");
        assertThat(empties).containsEntry("runs", 1).containsEntry("failures", 0).containsEntry("amount", 7L)
                .containsEntry("last_failed", false);
        assertThat(empties.get("last_ended_at")).isNotNull();
        assertThat(empties.get("last_succeeded_at")).isNotNull();
        assertThat(row("NightlySample.findsNothing")).as("ran, nothing due: an amount of 0, not none")
                .containsEntry("amount", 0L);

        Map<String, Object> fails = row("NightlySample.fails");
        assertThat(fails).containsEntry("runs", 1).containsEntry("failures", 1).containsEntry("last_failed", true)
                .containsEntry("failure_class", IllegalStateException.class.getName())
                .containsEntry("last_succeeded_at", null);
        assertThat((String) fails.get("failure_message")).startsWith("no file for 1101")
                .doesNotContain(NUMBER).doesNotContain("\n").contains("second line");

        var sysadmin = authentication(Principals.staff("jobs-sysadmin", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_USER_MANAGE));
        String page = mvc.perform(get("/console/jobs").param("job", "NightlySample.fails").with(sysadmin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-job=\"NightlySample.empties\"", "data-job=\"NightlySample.fails\"",
                "data-job=\"CheckIndex.refresh\"", "id=\"job-runs\"", "id=\"cluster-jobs\"",
                "id=\"stalled-passes\"", "IllegalStateException", "fixedDelay").doesNotContain(NUMBER);
        // Gaps review xliv Y6: what this instance runs, the schema's version beside the release.
        String version = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1").query(String.class).single();
        assertThat(schema.current()).map(Object::toString).contains(version);
        assertThat(page).contains("id=\"running-release\"", "data-field=\"schema\">" + version + "<");
        // Gaps review xliv Y11: every setting the test configuration and application.yml give is read by the
        // release as wired whole, so the page names none unknown.
        assertThat(unknownSettings.unknown()).isEmpty();
        assertThat(page).doesNotContain("id=\"unknown-settings\"");
    }

    /**
     * W5 rest: a run whose step failed and was caught (the job went on) is recorded failed, the step named, the number
     * masked, with what the steps after it did; the page shows it failed, where it showed "succeeded".
     */
    @Test
    void aRunThatCaughtAFailedStepIsRecordedAndShownFailed() throws Exception {
        run(new GuardedSample(), "tick");

        Map<String, Object> row = row("GuardedSample.tick");
        assertThat(row).containsEntry("runs", 1).containsEntry("failures", 1).containsEntry("last_failed", true)
                .containsEntry("failure_class", IllegalStateException.class.getName())
                .containsEntry("last_succeeded_at", null).containsEntry("amount", 3L);
        assertThat((String) row.get("failure_message")).startsWith("activation: no entry for 1101")
                .doesNotContain(NUMBER);

        String page = mvc.perform(get("/console/jobs").with(authentication(Principals.staff("jobs-auditor-2",
                        "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.AUDIT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher outcome = Pattern.compile("data-job=\"GuardedSample\\.tick\".*?data-field=\"outcome\"[^>]*>([^<]*)<",
                Pattern.DOTALL).matcher(page);
        assertThat(outcome.find()).isTrue();
        assertThat(outcome.group(1).strip()).isIn("失败", "Failed");
        assertThat(page).doesNotContain(NUMBER);
    }

    /** W5 rest: a job that works in passes reports the holders its chunks passed, and 0 once the pass is done. */
    @Test
    void aPassBasedJobReportsWhatItsChunksDidAndZeroWhenTheDaysPassIsDone() throws Exception {
        PassSample job = new PassSample(new RetentionPasses(jdbc, transactions, Clock.systemUTC(),
                "measures.check_retention_pass"), "job-run-sample-" + UUID.randomUUID());
        run(job, "nightly");
        assertThat(row("PassSample.nightly")).containsEntry("amount", 12L);

        run(job, "nightly");
        records.writeAll(); // a second run within a minute of the first counts in memory until then
        assertThat(row("PassSample.nightly")).as("the day's pass done: the second run adds 0, and says it")
                .containsEntry("runs", 2).containsEntry("amount", 12L);
        assertThat(jdbc.sql("SELECT holders_evaluated FROM measures.check_retention_pass WHERE code LIKE "
                + "'job-run-sample-%' AND finished_at IS NOT NULL").query(Long.class).list()).contains(12L);
    }

    /**
     * W5 rest: a nightly job's run writes one PROCESSING audit entry at its end, with the job, the instance and what it
     * did, even at nothing due; a tick's runs (the check index every 250 ms) write none.
     */
    @Test
    void aNightlyRunIsAuditedOnceEvenWithNothingDueAndATickIsNot() throws Exception {
        long before = nightlyEntries("JobRunRetention.nightly");
        run(retention, "nightly");

        assertThat(nightlyEntries("JobRunRetention.nightly")).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.sql("SELECT category, result, detail FROM audit.event "
                        + "WHERE action = 'platform.nightly-run' AND detail LIKE ? ORDER BY seq DESC LIMIT 1")
                .param("%job=JobRunRetention.nightly;%").query().singleRow();
        assertThat(entry).containsEntry("category", "PROCESSING").containsEntry("result", "SUCCESS");
        assertThat((String) entry.get("detail")).startsWith("reason=NIGHTLY_RUN; job=JobRunRetention.nightly; ")
                .contains("; instance=" + JobRunRecords.INSTANCE + "; amount=");
        assertThat(nightlyEntries("CheckIndex.refresh")).as("a tick is recorded in job_run only").isZero();
    }

    /**
     * W5 rest: the page names each job for the clerk (信用修复资格, not RepairJobs.eligible), the scheduled jobs and the
     * once-across-instances jobs' rows alike, in both languages; the technical name stays beside it.
     */
    @Test
    void everyJobHasANameInBothLanguagesAndThePageShowsIt() throws Exception {
        // Moments.*: spring-modulith-moments, on the test classpath only (spring-modulith-starter-test).
        List<String> jobs = new ArrayList<>(runs.jobs().stream().filter(j -> j.schedule() != null)
                .map(JobRuns.Job::job).filter(job -> !job.startsWith("Moments.")).toList());
        assertThat(jobs).as("the jobs scheduled here").contains("RepairJobs.eligible", "CheckIndex.refresh");
        jobs.addAll(List.of("platform.consistency", "audit.verify", "audit.retention", "account.dormant",
                "account.banned-keys", "repair.eligible", "inquiry.banned-consents", "exchange.reconcile",
                "scoring.recompute", "oversight.figure-days"));
        // test.*: rows other ITs of the shared database make for jobs of their own (MissedDaysIT).
        jobs.addAll(runs.clusterJobs().stream().map(JobRuns.ClusterJob::job).filter(job -> !job.startsWith("test."))
                .toList());
        List<String> unnamed = new ArrayList<>();
        for (String job : jobs) {
            String chinese = messages.getMessage("jobs.name." + job, null, null, Locale.SIMPLIFIED_CHINESE);
            String english = messages.getMessage("jobs.name." + job, null, null, Locale.ENGLISH);
            if (chinese == null || english == null || english.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                unnamed.add(job);
            }
        }
        assertThat(unnamed).as("jobs without jobs.name.<job> in both languages").isEmpty();

        String page = mvc.perform(get("/console/jobs").param("job", "RepairJobs.eligible")
                        .with(authentication(Principals.staff("jobs-auditor-3", "CREDIT_OFFICE",
                                Permission.CONSOLE_HOME, Permission.AUDIT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">信用修复资格</a>", "<span class=\"hint mono\">RepairJobs.eligible</span>",
                "作业 信用修复资格 的运行记录");
    }

    @Test
    void aFrequentJobAddsItsRunsToItsHoursRowInsteadOfARowARun() throws Exception {
        for (int i = 0; i < 50; i++) {
            run(new FrequentSample(), "tick");
        }
        long rows = jdbc.sql("SELECT count(*) FROM shared.job_run WHERE job = 'FrequentSample.tick'")
                .query(Long.class).single();
        assertThat(rows).as("a row an hour (two if the hour turned)").isBetween(1L, 2L);
        assertThat(runs("FrequentSample.tick")).as("not written each run: the first, then once a minute")
                .isLessThan(50);

        records.writeAll();
        assertThat(runs("FrequentSample.tick")).isEqualTo(50);
    }

    @Test
    void hoursOfRunsPastNinetyDaysAreDeleted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        old("RetentionSample.old", now.minus(Duration.ofDays(92)));
        old("RetentionSample.kept", now.minus(Duration.ofDays(88)));

        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT job FROM shared.job_run WHERE job LIKE 'RetentionSample.%'").query(String.class)
                .list()).containsExactly("RetentionSample.kept");
    }

    @Test
    void onlyTheSystemAndAuditAdministratorsSeeThePage() throws Exception {
        mvc.perform(get("/console/jobs").with(authentication(Principals.staff("jobs-clerk", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ, Permission.ACCOUNT_ROLE_MANAGE))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/jobs").with(authentication(Principals.staff("jobs-auditor", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.AUDIT_READ))))
                .andExpect(status().isOk());
    }

    private void run(Object jobs, String method) throws Exception {
        new ScheduledMethodRunnable(jobs, ClassUtils.getUserClass(jobs).getDeclaredMethod(method), null,
                () -> observations).run();
    }

    private long nightlyEntries(String job) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'platform.nightly-run' AND detail LIKE ?")
                .param("%job=" + job + ";%").query(Long.class).single();
    }

    private Map<String, Object> row(String job) {
        return jdbc.sql("SELECT * FROM shared.job_run WHERE job = ? AND instance = ?")
                .params(job, JobRunRecords.INSTANCE).query().singleRow();
    }

    private long runs(String job) {
        return jdbc.sql("SELECT coalesce(sum(runs), 0) FROM shared.job_run WHERE job = ?").param(job)
                .query(Long.class).single();
    }

    private void old(String job, Instant hour) {
        jdbc.sql("""
                INSERT INTO shared.job_run (job, instance, hour, runs, failures, first_started_at, last_started_at,
                    last_ended_at, last_failed, last_duration_ms)
                VALUES (?, 'test@host', ?, 1, 0, ?, ?, ?, false, 5)""")
                .params(job, Timestamp.from(hour), Timestamp.from(hour), Timestamp.from(hour), Timestamp.from(hour))
                .update();
    }
}
