package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A batch's page in 数据报送: only for its department, its rejected rows paged and by code, numbers masked. */
@IntegrationTest
class SubmissionBatchPageIT {

    private static final Pattern ROW = Pattern.compile("<tr data-line=\"(\\d+)\">");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcBatches batches;

    @Autowired
    JdbcClient jdbc;

    private TestCitizens.Person person;
    private String wrongNumber;
    private String batch;

    /**
     * The batch of the class, sent by its first test: every test only reads it (its pages, reports and their audit
     * events, counted before and after or by kind), so one batch serves them all rather than one sent before each.
     */
    private static Sent sent;

    private record Sent(TestCitizens.Person person, String wrongNumber, String batch) {
    }

    /** 60 rows with a wrong check character, 61 with an item not in the catalogue, 1 good row: 121 rejected. */
    @BeforeEach
    void aBatchWithManyRejectedRows() throws Exception {
        if (sent != null) {
            person = sent.person();
            wrongNumber = sent.wrongNumber();
            batch = sent.batch();
            return;
        }
        person = TestCitizens.register(subjects, "阎秋菊");
        wrongNumber = TestCitizens.withWrongCheckCharacter(person.number());
        List<String> rows = new ArrayList<>();
        rows.add(row("P_COURT_DEFAULTER", person.number(), "PG-" + UUID.randomUUID()));
        for (int i = 0; i < 121; i++) {
            rows.add(i % 2 == 0 ? row("P_NO_SUCH_ITEM", person.number(), "PG-" + i)
                    : row("P_COURT_DEFAULTER", wrongNumber, "PG-" + i));
        }
        batch = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("COURT"))
                        .header("Idempotency-Key", batch).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + String.join(",", rows) + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(121));
        sent = new Sent(person, wrongNumber, batch);
    }

    @Test
    void theListLinksEachBatchToItsPage() throws Exception {
        assertThat(page("/console/submissions", operator("COURT"))).contains("/console/submissions/" + batch + "\"");
    }

    @Test
    void theOperatorSeesTheFiguresAndTheFirstFiftyRejectedRowsWithTheirNumbersMasked() throws Exception {
        long audited = audited();

        String html = page("/console/submissions/" + batch, operator("COURT"));

        assertThat(html).contains("接口报送", "COURT", "已完成", "data-field=\"rejected\">121<", "共 121 条错误，第 1 / 3 页",
                "ITEM_NOT_IN_CATALOGUE（61 行）", "ID_CHECKSUM（60 行）", "全部（121 行）",
                "/console/submissions/" + batch + "/errors.csv", "/console/submissions/" + batch + "/errors.xlsx",
                Masking.identityNumber(wrongNumber), Masking.identityNumber(person.number()))
                .doesNotContain("hx-trigger");
        assertThat(lines(html)).hasSize(50).startsWith(2L, 3L).endsWith(51L);
        assertThat(html).as("each row by the department's own key").contains(">部门记录编号<")
                .containsPattern("<tr data-line=\"2\">\\s*<td data-field=\"line\">2</td>\\s*"
                        + "<td class=\"mono\" data-field=\"source\">PG-0</td>")
                .containsPattern("<tr data-line=\"51\">\\s*<td data-field=\"line\">51</td>\\s*"
                        + "<td class=\"mono\" data-field=\"source\">PG-49</td>");
        assertThat(ClearIdentityNumbers.in(html)).isEmpty();
        assertThat(html).doesNotContain(wrongNumber);
        assertThat(audited()).as("a page of masked numbers is a look at people's data").isEqualTo(audited + 1);
    }

    @Test
    void theRowsAreFilteredByCodeAndPaged() throws Exception {
        String first = page("/console/submissions/" + batch + "?code=ID_CHECKSUM", operator("COURT"));
        assertThat(first).contains("共 60 条错误，第 1 / 2 页", "aria-current=\"page\" data-code=\"ID_CHECKSUM\"");
        assertThat(lines(first)).hasSize(50).allMatch(line -> line % 2 == 1).startsWith(3L);
        assertThat(first).doesNotContain(">ITEM_NOT_IN_CATALOGUE</td>");

        String second = page("/console/submissions/" + batch + "?code=ID_CHECKSUM&page=1", operator("COURT"));
        assertThat(second).contains("共 60 条错误，第 2 / 2 页", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(lines(second)).hasSize(10).endsWith(121L);

        assertThat(page("/console/submissions/" + batch + "?code=NOT_A_CODE", operator("COURT")))
                .contains("共 0 条错误", "没有拒收的行");
        assertThat(page("/console/submissions/" + batch + "?code=%3Cscript%3E", operator("COURT")))
                .as("not a code: no filter").contains("共 121 条错误").doesNotContain("<script>");
    }

    @Test
    void aPageNumberOutOfRangeShowsTheNearestPage() throws Exception {
        for (String huge : List.of("3", "2147483648", "9223372036854775807", "99999999999999999999999999")) {
            assertThat(page("/console/submissions/" + batch + "?page=" + huge, operator("COURT")))
                    .contains("第 3 / 3 页");
        }
        for (String small : List.of("-1", "-99999999999999999999999999", "abc", "")) {
            assertThat(page("/console/submissions/" + batch + "?page=" + small, operator("COURT")))
                    .contains("第 1 / 3 页");
        }
    }

    @Test
    void anotherDepartmentsBatchIsAsIfItDidNotExist() throws Exception {
        long audited = audited();
        for (String path : List.of("", "/figures", "/errors.csv")) {
            mvc.perform(get("/console/submissions/" + batch + path).with(operator("MARKET")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/console/submissions/" + batch + path).with(operator("CREDIT_OFFICE")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/console/submissions/" + UUID.randomUUID()).with(operator("COURT")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/submissions/not-a-batch").with(operator("COURT")))
                .andExpect(status().isNotFound());
        assertThat(audited()).as("nothing shown, nothing audited").isEqualTo(audited);
    }

    @Test
    void theDepartmentsBatchesPageBackThirtyAtATime() throws Exception {
        String department = "PAGING_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            UUID id = UUID.randomUUID();
            newestFirst.add(0, id);
            jdbc.sql("""
                            INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, file_name,
                                                         content_hash, status, started_at)
                            VALUES (?, ?, 'operator', 'FILE', ?, ?, 'DONE', ?)""")
                    .params(id, department, "f" + i + ".csv", "hash-" + id, java.sql.Timestamp.from(
                            start.plusSeconds(i))).update();
        }

        String first = page(department, "0");
        String second = page(department, "1");

        assertThat(first).contains(newestFirst.subList(0, 30).stream().map(UUID::toString).toList())
                .doesNotContain(newestFirst.get(30).toString()).contains("data-field=\"older\"")
                .doesNotContain("data-field=\"newer\"");
        assertThat(second).contains(newestFirst.get(30).toString()).contains("data-field=\"newer\"")
                .doesNotContain("data-field=\"older\"");
        assertThat(page(department, "99999999999")).as("any page number shows a page").contains("data-batch");
        assertThat(page(department, "-1")).contains(newestFirst.get(0).toString());
    }

    private String page(String department, String page) throws Exception {
        return mvc.perform(get("/console/submissions").param("page", page).with(operator(department)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staffWithoutADepartmentListNoDepartmentsBatches() throws Exception {
        String list = mvc.perform(get("/console/submissions").with(authentication(Principals.staff("no-department",
                        null, Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(list).doesNotContain(batch.toString());
    }

    @Test
    void creditOfficeStaffWithoutTheSubmissionPermissionAreRefused() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/console/submissions/" + batch)
                .with(authentication(Principals.staff("office", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                        Permission.SUBJECT_READ)))).andReturn().getResponse();

        assertThat(response.getStatus() == 403 || String.valueOf(response.getRedirectedUrl())
                .contains("/console/forbidden")).as("refused, status %d", response.getStatus()).isTrue();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("ID_CHECKSUM");
    }

    @Test
    void aRunningBatchIsPolledUntilItEndsAndAStoppedOneSaysWhereAndWhy() throws Exception {
        UUID running = UUID.randomUUID();
        batches.start(running, "COURT", "operator-court", "FILE", "断行.csv", "hash-" + running, 200, Instant.now());

        assertThat(page("/console/submissions/" + running, operator("COURT")))
                .contains("hx-get=\"/console/submissions/" + running + "/figures\"", "hx-trigger=\"every 1s\"",
                        "处理中", "文件上传", "断行.csv", "没有拒收的行");
        MockHttpServletResponse polled = mvc.perform(get("/console/submissions/" + running + "/figures")
                .with(operator("COURT"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(polled.getHeader("HX-Refresh")).isNull();
        assertThat(polled.getContentAsString(StandardCharsets.UTF_8)).contains("hx-trigger=\"every 1s\"")
                .doesNotContain("<html");

        batches.finish(running, "FAILED", new BatchFailure("CSV_MALFORMED", 12L, "第 12 行：CSV 格式错误"),
                Instant.now());
        MockHttpServletResponse ended = mvc.perform(get("/console/submissions/" + running + "/figures")
                .with(operator("COURT"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(ended.getHeader("HX-Refresh")).as("reloaded once, to show every rejected row").isEqualTo("true");
        assertThat(page("/console/submissions/" + running, operator("COURT")))
                .contains("已中止", "data-field=\"failure-code\">CSV_MALFORMED<", "data-field=\"failure-line\">12<",
                        "第 12 行：CSV 格式错误", "/console/submissions/" + running + "/errors.csv")
                .doesNotContain("hx-trigger");
    }

    /** A report or a page of the API gives the same masked numbers as the batch's page: each is audited as it is. */
    @Test
    void eachErrorReportAndEachPageOfProblemsThroughTheApiIsAudited() throws Exception {
        String api = "Bearer " + key("COURT");

        mvc.perform(get("/console/submissions/" + batch + "/errors.csv").with(operator("COURT")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/submissions/" + batch + "/errors.xlsx").header("Authorization", api))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/submissions/" + batch + "/errors?afterLine=0&limit=10").header("Authorization", api))
                .andExpect(status().isOk());

        assertThat(audited("ingestion.rejections.report")).as("K7: reason codes and values").containsExactlyInAnyOrder(
                "reason=REJECTIONS_REPORTED; batch=" + batch + "; format=csv; problems=121",
                "reason=REJECTIONS_REPORTED; batch=" + batch + "; format=xlsx; problems=121");
        assertThat(audited("ingestion.rejections.list"))
                .containsExactly("reason=REJECTIONS_LISTED; batch=" + batch + "; after=0; problems=10");
    }

    private List<String> audited(String action) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = ? AND category = 'QUERY' AND detail LIKE ?")
                .params(action, "%; batch=" + batch + ";%").query(String.class).list();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Long> lines(String html) {
        List<Long> lines = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            lines.add(Long.parseLong(m.group(1)));
        }
        return lines;
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'ingestion.rejections.view' "
                + "AND detail LIKE ?").param("%; batch=" + batch + ";%").query(Long.class).single();
    }

    private static RequestPostProcessor operator(String department) {
        return authentication(Principals.staff("operator-" + department.toLowerCase(), department,
                Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT));
    }

    private String key(String department) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 报送系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    private static String row(String item, String number, String source) {
        return "{\"itemCode\":\"" + item + "\",\"subjectNumber\":\"" + number + "\",\"subjectName\":\"阎秋菊\","
                + "\"sourceRecordId\":\"" + source + "\",\"decisionNumber\":\"驻执〔2025〕1号\","
                + "\"decisionDate\":\"2025-06-01\",\"fields\":{\"case_number\":\"(2025)豫1702执5号\","
                + "\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\",\"performance\":\"全部未履行\","
                + "\"behaviour\":\"拒不履行\"}}";
    }
}
