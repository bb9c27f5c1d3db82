package cn.chengxin.ingestion;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 数据质量 for the credit office's oversight of the departments (RULES.md §12, issue #4): the figures of a period (the
 * year so far unless another is chosen), rejection rates by code, and the data-providing departments that delivered
 * nothing in it, with their last delivery.
 */
@IntegrationTest
class QualityConsoleIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    @Test
    void theFiguresAreThoseOfThePeriodChosenWithRatesByCodeAndSilentProvidersListed() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String busy = "QBUSY" + n;
        String silent = "QSILENT" + n;
        directory.createDepartment(busy, "质量测试局" + n, Department.Kind.DATA_PROVIDER, List.of());
        directory.createDepartment(silent, "未报送测试局" + n, Department.Kind.DATA_PROVIDER, List.of());
        LocalDate today = LocalDate.now(CHINA);
        LocalDate lastYear = today.minusYears(1).withDayOfYear(100);
        batch(busy, lastYear, 200, 20, "ITEM_OUTSIDE_REMIT");
        batch(silent, lastYear, 10, 0, null);
        batch(busy, today, 40, 4, "DECISION_DATE_FUTURE");

        String year = page();
        String busyRow = row(year, busy);
        assertThat(busyRow).as("this year only: 1 batch of 40 rows, 4 rejected")
                .contains("质量测试局" + n, "<td>1</td><td>40</td>", "10.0%");
        String silentRow = row(year, silent);
        assertThat(silentRow).as("a provider with nothing delivered this year is listed, with its last delivery")
                .contains("未报送测试局" + n, "<td>0</td><td>0</td>", lastYear.toString());
        assertThat(rejections(year, busy)).contains("DECISION_DATE_FUTURE", "<td>4</td>", "10.0%")
                .doesNotContain("ITEM_OUTSIDE_REMIT");

        String before = page("from", lastYear.withDayOfYear(1).toString(),
                "to", lastYear.withDayOfYear(1).plusYears(1).minusDays(1).toString());
        assertThat(row(before, busy)).contains("<td>1</td><td>200</td>", "10.0%");
        assertThat(rejections(before, busy)).contains("ITEM_OUTSIDE_REMIT", "<td>20</td>")
                .doesNotContain("DECISION_DATE_FUTURE");
        assertThat(before).contains("value=\"" + lastYear.withDayOfYear(1) + "\"");

        assertThat(page("from", today.toString(), "to", today.minusDays(1).toString()))
                .as("a period that ends before it starts is refused, not shown empty").contains("统计期间有误");
    }

    /**
     * Issue #4: a department the catalogue names as a provider is overseen whatever its kind (HRSS is kept as a
     * responding unit and provides four items), and a provider code the directory does not know is shown, flagged.
     */
    @Test
    void everyProviderOfAnItemInForceIsListedAndAnUnregisteredCodeIsFlagged() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String responding = "QRESP" + n;
        String gone = "QGONE" + n;
        directory.createDepartment(responding, "实施兼提供测试局" + n, Department.Kind.RESPONDING_UNIT, List.of());
        directory.createDepartment(gone, "已除名测试局" + n, Department.Kind.RESPONDING_UNIT, List.of());
        String item = "P_QUALITY_" + n;
        approve(item, List.of(responding, gone));
        // The directory loses the code the catalogue still names (e.g. a department never registered at all).
        jdbc.sql("DELETE FROM account.department WHERE code = ?").param(gone).update();

        String page = page();
        assertThat(row(page, "HRSS")).as("a responding unit that provides catalogue items")
                .contains("市人力资源和社会保障局").doesNotContain("未登记的单位代码");
        assertThat(row(page, responding)).contains("实施兼提供测试局" + n, "<td>0</td><td>0</td>", "从未报送");
        assertThat(row(page, gone)).as("never a bare code: flagged as unknown to the directory")
                .contains("未登记的单位代码", "<td>0</td><td>0</td>", "从未报送");
        String english = page("lang", "en");
        assertThat(row(english, gone)).contains("Unregistered department code").doesNotContain("未登记的单位代码");
    }

    private void approve(String code, List<String> providers) {
        ItemDefinition definition = new ItemDefinition(code, "数据质量测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(FieldDefinition.text("facts", "事实", true)),
                providers, "《测试法》第一条", Sharing.PUBLIC, Severity.GENERAL, null, null, null, true, true, false,
                UpdateCycle.DAILY, false, null);
        try {
            as("quality-maker");
            catalogue.draft(definition, "新增");
            catalogue.submit(code);
            as("quality-checker");
            catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("STAFF"))));
    }

    private void batch(String department, LocalDate on, int rows, int rejected, String code) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(on.atTime(10, 0).atZone(CHINA).toInstant());
        jdbc.sql("""
                        INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, content_hash, status,
                               total_rows, rows_done, accepted, rejected, started_at, finished_at)
                        VALUES (?, ?, 'quality-test', 'API', ?, 'DONE', ?, ?, ?, ?, ?, ?)""")
                .params(id, department, id.toString(), rows, rows, rows - rejected, rejected, at, at).update();
        for (int line = 1; line <= rejected; line++) {
            jdbc.sql("INSERT INTO ingestion.row_error (batch_id, line, field, code, message) VALUES (?, ?, ?, ?, ?)")
                    .params(id, line, "itemCode", code, "测试").update();
        }
    }

    private String page(String... params) throws Exception {
        var request = get("/console/quality");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(user("clerk").authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("console:home"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The volumes table's row of a department. */
    private static String row(String page, String department) {
        String volumes = page.substring(page.indexOf("id=\"volumes\""), page.indexOf("id=\"rejections\""));
        int at = volumes.indexOf("<code>" + department + "</code>");
        assertThat(at).as(department + " in " + volumes).isPositive();
        return volumes.substring(volumes.lastIndexOf("<tr", at), volumes.indexOf("</tr>", at));
    }

    /** The rejections table's rows of a department. */
    private static String rejections(String page, String department) {
        String table = page.substring(page.indexOf("id=\"rejections\""), page.indexOf("id=\"timeliness\""));
        StringBuilder rows = new StringBuilder();
        for (String tr : table.split("</tr>")) {
            if (tr.contains("<code>" + department + "</code>")) {
                rows.append(tr);
            }
        }
        return rows.toString();
    }
}
