package cn.chengxin.objection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Issue #8, acceptance: with the clock moved, overdue objections escalate and records past their maximum publication
 * period stop showing — on the public disclosure page, in reports, in the file — without anyone acting: the work the
 * platform's scheduled jobs do, run as of the moved day.
 * The record is decided a year less two days ago, so that only records ending this week are touched in the shared
 * database.
 */
@IntegrationTest
class TimePassingIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The record as a row of the public disclosure page shows it (the search box echoes the number too). */
    private static final String PUBLISHED = "<td>驻市监罚〔2025〕881号</td>";

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
    Objections objections;

    @Autowired
    Reports reports;

    @Autowired
    Clock clock;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    void withTheClockMovedOverdueObjectionsEscalateAndRecordsPastTheirPeriodStopShowing() throws Exception {
        assertThat(scheduledTasks()).as("both run by the scheduler, nobody has to act")
                .anyMatch(t -> t.contains("PublicationWindows.daily")).anyMatch(t -> t.contains("ObjectionJobs.watch"));

        TestCitizens.Person person = TestCitizens.register(subjects, "殷若兰");
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusYears(1).plusDays(2);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", "T-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2025〕881号", "无照经营"),
                decided);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕882号");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        FileEntry ending = entry(subject, "驻市监罚〔2025〕881号");
        assertThat(ending.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(PdfText.compact(reports.forSelf(subject, ReportKind.SELF_FULL).pdf())).contains("881号");
        mvc.perform(get("/disclosures").param("q", "驻市监罚〔2025〕881号"))
                .andExpect(content().string(containsString(PUBLISHED)));
        UUID objection = objections.file(subject, entry(subject, "驻市监罚〔2026〕882号").recordKey(), "金额有误", "本人");

        // A year from the decision ends on its anniversary (《民法典》第二百零一条、第二百零二条): still shown that day.
        assertThat(ending.publicationEnd()).isEqualTo(decided.plusYears(1));
        Clock lastDay = Clock.fixed(ending.publicationEnd().atTime(23, 30).atZone(CHINA).toInstant(), CHINA);
        creditFile.applyWindows(LocalDate.now(lastDay));
        assertThat(entry(subject, "驻市监罚〔2025〕881号").status()).as("shown on its last day")
                .isEqualTo(RecordStatus.ACTIVE);

        LocalDate later = max(objections.find(objection).dueOn(), ending.publicationEnd()).plusDays(1);
        Clock moved = Clock.fixed(later.atTime(0, 30).atZone(CHINA).toInstant(), CHINA);
        objections.watchDeadlines(moved);
        creditFile.applyWindows(LocalDate.now(moved));

        assertThat(objections.find(objection).escalated()).isTrue();
        assertThat(objections.workload().escalated()).isPositive();
        FileEntry ended = entry(subject, "驻市监罚〔2025〕881号");
        assertThat(ended.status()).isEqualTo(RecordStatus.EXPIRED);
        assertThat(ended.status().shown()).isFalse();
        assertThat(entry(subject, "驻市监罚〔2026〕882号").status()).as("still within its period, still contested")
                .isEqualTo(RecordStatus.IN_DISPUTE);
        assertThat(PdfText.compact(reports.forSelf(subject, ReportKind.SELF_FULL).pdf())).doesNotContain("881号")
                .contains("882号");
        mvc.perform(get("/disclosures").param("q", "驻市监罚〔2025〕881号"))
                .andExpect(content().string(not(containsString(PUBLISHED))));
        mvc.perform(get("/me/file").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(content().string(containsString(RecordStatus.EXPIRED.label())));
    }

    private FileEntry entry(UUID subject, String decisionNumber) {
        return creditFile.fileOf(subject).stream().filter(e -> e.decisionNumber().equals(decisionNumber)).findFirst()
                .orElseThrow();
    }

    private List<String> scheduledTasks() {
        return schedulers.stream().flatMap(h -> h.getScheduledTasks().stream()).map(ScheduledTask::toString).toList();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
