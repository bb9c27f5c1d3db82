package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.NoticeWording;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Finding I2 of gaps review xxvii, what session xxviii left: a court defaulter's record is the court's listing and is
 * published as long as the court lists him (RULES.md §7; 法释〔2017〕7号第一条、第二条、第十条), not only its class's three
 * years, so the entry on it lasts the court's term; and an entry proposed before that gets the court's term with a
 * notice that says so, not that the record was corrected.
 */
@IntegrationTest
class CourtListingPublicationIT {

    private static final String ABLE_AND_REFUSING = "有履行能力而拒不履行生效法律文书确定义务";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Notices notices;

    @Autowired
    NoticeWording wording;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    java.time.Clock clock;

    private String courtSubmits;
    private String hrChecks;

    @BeforeEach
    void keys() {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("HRSS"))) {
            directory.createDepartment("HRSS", "市人力资源和社会保障局", Department.Kind.DATA_PROVIDER, List.of());
        }
        courtSubmits = key("COURT", Permission.RECORD_SUBMIT);
        hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
    }

    /** 第一条第一项 has no term: four years after the decision the record is shown and the entry answers checks. */
    @Test
    void aDefaulterAbleToPayAndRefusingIsStillShownAndListedFourYearsAfterTheDecision() throws Exception {
        LocalDate today = LocalDate.now(clock);
        TestCitizens.Person person = TestCitizens.register(subjects, "岳守拙");
        submit(courtDefaulter(person, today.minusYears(4), ABLE_AND_REFUSING, null));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry entry = blackEntryOf(subject);
        as("reviewer-court", () -> listing.approve(entry.id(), "核实无误"));

        creditFile.applyWindows(today);
        listing.expireDue();
        listing.evaluate(List.of(subject));

        FileEntry record = creditFile.fileOf(subject).get(0);
        assertThat(record.status()).as("past its class's three years, still the court's listing")
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(record.publicationEnd()).as("no end while the court lists him").isNull();
        assertThat(listing.entry(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.entry(entry.id()).orElseThrow().validUntil()).isNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(person.number())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
    }

    /** A term the court extended ends on the court's day, not at three years: shown that day, not the day after. */
    @Test
    void aRecordWithTheCourtsEndFiveYearsOnIsShownUntilThatDayAndEndsTheDayAfter() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusYears(4);
        LocalDate courtsEnd = decided.plusYears(5).minusDays(1);
        TestCitizens.Person person = TestCitizens.register(subjects, "岳守正");
        submit(courtDefaulter(person, decided, "以暴力、威胁方法妨碍、抗拒执行", courtsEnd));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry entry = blackEntryOf(subject);
        assertThat(entry.validUntil()).isEqualTo(courtsEnd);
        as("reviewer-court", () -> listing.approve(entry.id(), "核实无误"));
        assertThat(creditFile.fileOf(subject).get(0).publicationEnd()).isEqualTo(courtsEnd);

        creditFile.applyWindows(courtsEnd);
        assertThat(creditFile.fileOf(subject).get(0).status()).as("shown on the court's last day")
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(listing.entry(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        creditFile.applyWindows(courtsEnd.plusDays(1));
        assertThat(creditFile.fileOf(subject).get(0).status().shown()).as("not the day after").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(entry.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
    }

    /**
     * A record stored before with its class's three years, and its entry in force ending with it: V267 gives the
     * record no end (once, however often it runs), and at the subject's next evaluation the entry takes the court's
     * term with a notice giving the court's term as the reason, in Chinese and in English, not a correction.
     */
    @Test
    void anEntryStoredBeforeTakesTheCourtsTermWithANoticeSayingSo() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusYears(1);
        LocalDate threeYears = decided.plusYears(3).minusDays(1);
        TestCitizens.Person person = TestCitizens.register(subjects, "岳守信");
        submit(courtDefaulter(person, decided, ABLE_AND_REFUSING, null));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry entry = blackEntryOf(subject);
        as("reviewer-court", () -> listing.approve(entry.id(), "核实无误"));
        UUID recordKey = creditFile.fileOf(subject).get(0).recordKey();
        // As stored before: its class's three years, and the entry ending with them.
        jdbc.sql("UPDATE creditfile.record SET publication_end = ? WHERE record_key = ? AND current")
                .params(threeYears, recordKey).update();
        jdbc.sql("UPDATE listing.entry SET valid_until = ? WHERE id = ?").params(threeYears, entry.id()).update();

        migrateV267();
        migrateV267();

        assertThat(creditFile.fileOf(subject).get(0).publicationEnd()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record_event e JOIN creditfile.record r ON r.id = "
                        + "e.record_id WHERE r.record_key = ? AND e.reason LIKE '按人民法院决定的纳入期限公示%'")
                .param(recordKey).query(Long.class).single()).as("moved once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.unannounced_change WHERE record_key = ?")
                .param(recordKey).query(Long.class).single()).isEqualTo(1);

        listing.evaluate(List.of(subject));

        assertThat(listing.entry(entry.id()).orElseThrow().validUntil()).isNull();
        ListNotice changed = listing.noticesOfEntry(entry.id()).stream()
                .filter(n -> n.kind() == ListNotice.Kind.PERIOD_CHANGED).findFirst().orElseThrow();
        assertThat(changed.body()).contains("现有效期至无固定期限",
                        "变更原因：按人民法院决定的纳入期限：失信被执行人有履行能力而拒不履行生效法律文书确定义务（法释〔2017〕7号第一条第一项）",
                        "至人民法院删除该失信信息时止（决定文书号：(2026)豫1702执88号）")
                .doesNotContain("报送部门更正了所依据的信用记录");
        NoticeWording.Shown english = notices.of(subject).stream()
                .filter(n -> "LIST_PERIOD_CHANGED".equals(n.wording())).findFirst()
                .map(n -> wording.render(n, Locale.ENGLISH)).orElseThrow();
        assertThat(english.translated()).isTrue();
        assertThat(english.body()).contains("Reason: the term the people's court decided: a judgment debtor able to "
                + "perform and refusing", "until the court deletes the listing").doesNotContain("报送部门");
    }

    private void migrateV267() {
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/creditfile/V267__court_listings_published_while_listed.sql")).execute(dataSource);
    }

    private ListEntry blackEntryOf(UUID subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
    }

    private void submit(String record) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtSubmits)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + record + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private org.springframework.test.web.servlet.ResultActions check(String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + hrChecks)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"审批业务编号 2026-002\"}"));
    }

    private static String courtDefaulter(TestCitizens.Person person, LocalDate decided, String behaviour,
                                         LocalDate courtsEnd) {
        return "{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + person.number() + "\",\"subjectName\":\""
                + person.name() + "\",\"sourceRecordId\":\"SX-" + UUID.randomUUID() + "\",\"version\":\"1\","
                + "\"action\":\"ADD\",\"decisionNumber\":\"(2026)豫1702执88号\",\"decisionDate\":\"" + decided
                + "\",\"fields\":{\"case_number\":\"(2026)豫1702执88号\",\"court\":\"驿城区人民法院\","
                + "\"obligation\":\"给付货款\",\"performance\":\"全部未履行\",\"behaviour\":\"" + behaviour + "\""
                + (courtsEnd == null ? "" : ",\"listing_end\":\"" + courtsEnd + "\"") + "}}";
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
