package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #4: the job that ends publication, as the scheduler runs it, once after a start and on demand in the console,
 * tells the modules that use records: a person whose only negative record passed its window tonight has the green channel open again (RULES.md
 * §4: after its period a record is not used for lists or measures), not only after a restart. Each test moves the clock to the
 * night after its own record's last day of publication, decided a year less two days ago, so that only records
 * ending this week are touched in the shared database.
 */
@IntegrationTest
class PublicationWindowsIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CreditFile creditFile;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AuditLog audit;

    @Autowired
    @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
    TaskExecutor executor;

    @Test
    void theNightlyJobOpensTheGreenChannelOfAPersonWhoseLastNegativeRecordEnded() throws Exception {
        Ending ending = negativeRecordEndingThisWeek("岳明轩", "驻市监罚〔2025〕903号");

        new PublicationWindows(creditFile, ending.nightAfter(), executor, audit, true).daily();

        assertThat(creditFile.fileOf(ending.subject()).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastNegative(ending.pseudonym()))
                .as("no negative record in use: the green channel opens").isNull());
    }

    @Test
    void aStartAfterTheNightlyRunWasMissedAppliesTheWindowsAtOnce() throws Exception {
        Ending ending = negativeRecordEndingThisWeek("禹清和", "驻市监罚〔2025〕904号");

        new PublicationWindows(creditFile, ending.nightAfter(), executor, audit, true).afterStart();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                creditFile.fileOf(ending.subject()).get(0).status()).isEqualTo(RecordStatus.EXPIRED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastNegative(ending.pseudonym()))
                .as("no negative record in use: the green channel opens").isNull());
    }

    @Test
    void aStartWithTheRunTurnedOffLeavesTheRecordsAlone() throws Exception {
        Ending ending = negativeRecordEndingThisWeek("禹清平", "驻市监罚〔2025〕905号");

        new PublicationWindows(creditFile, ending.nightAfter(), Runnable::run, audit, false).afterStart();

        assertThat(creditFile.fileOf(ending.subject()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void theCreditOfficeAppliesTheWindowsOnDemandAndTheRunIsAudited() throws Exception {
        Ending ending = negativeRecordEndingThisWeek("禹清远", "驻市监罚〔2025〕906号");
        // As if its last day of publication were yesterday and the night's run had been missed.
        jdbc.sql("UPDATE creditfile.record SET publication_end = ? WHERE subject_id = ? AND current")
                .params(LocalDate.now(clock).minusDays(1), ending.subject()).update();

        mvc.perform(post("/console/file/windows").with(staff("信用办窗口期", "subject:read", "catalog:edit")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/file"))
                .andExpect(flash().attribute("windowsApplied", greaterThanOrEqualTo(1)));

        assertThat(creditFile.fileOf(ending.subject()).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastNegative(ending.pseudonym()))
                .as("no negative record in use: the green channel opens").isNull());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'creditfile.windows.demand' "
                + "AND actor_name = '信用办窗口期'").query(Long.class).single()).isOne();
    }

    /**
     * Between midnight and the nightly run (or while a missed night waits for the next start) a record past its last
     * day is already out of display: RULES.md §4 counts days, not the job's hour.
     */
    @Test
    void aRecordPastItsLastDayIsOutOfDisplayBeforeTheJobMovesIt() throws Exception {
        String decisionNumber = "驻市监罚〔2025〕907号";
        Ending ending = negativeRecordEndingThisWeek("禹清泉", decisionNumber);
        String shown = "<td>" + decisionNumber + "</td>";
        mvc.perform(get("/disclosures").param("q", decisionNumber))
                .andExpect(content().string(containsString(shown)));
        jdbc.sql("UPDATE creditfile.record SET publication_end = ? WHERE subject_id = ? AND current")
                .params(LocalDate.now(clock).minusDays(1), ending.subject()).update();

        assertThat(creditFile.fileOf(ending.subject()).get(0).status()).as("the job has not run")
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(creditFile.fileAsShown(ending.subject()).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
        mvc.perform(get("/disclosures").param("q", decisionNumber))
                .andExpect(content().string(not(containsString(shown))));
        mvc.perform(get("/me/file").with(authentication(Principals.citizen(subjects, ending.subject()))))
                .andExpect(content().string(containsString(RecordStatus.EXPIRED.label())));
    }

    @Test
    void theButtonShowsToWhoeverMayApplyTheWindows() throws Exception {
        mvc.perform(get("/console/file").with(staff("信用办甲", "subject:read", "catalog:edit")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/console/file/windows")));
        mvc.perform(get("/console/file").with(staff("部门乙", "subject:read")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/console/file/windows"))));
    }

    /** A person whose only record, negative, was decided a year less two days ago: it counts until its window ends. */
    private Ending negativeRecordEndingThisWeek(String name, String decisionNumber) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", "T-" + UUID.randomUUID(), "1", "ADD", decisionNumber, "无照经营"),
                LocalDate.now(clock).minusYears(1).plusDays(2));
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> lastNegative(pseudonym) != null);
        FileEntry record = creditFile.fileOf(subject).get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ACTIVE);
        Clock night = Clock.fixed(record.publicationEnd().plusDays(1).atTime(0, 5).atZone(CHINA).toInstant(), CHINA);
        return new Ending(subject, pseudonym, night);
    }

    private LocalDate lastNegative(String pseudonym) {
        return jdbc.sql("SELECT last_negative FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    private record Ending(UUID subject, String pseudonym, Clock nightAfter) {
    }
}
