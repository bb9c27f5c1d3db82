package cn.chengxin.ingestion;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
