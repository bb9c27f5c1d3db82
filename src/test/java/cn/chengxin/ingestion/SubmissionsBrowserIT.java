package cn.chengxin.ingestion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A court's operator uploads a CSV with good and bad rows, watches it finish, downloads the error report, opens
 * the batch to see its rejected rows with the numbers masked, and finds the accepted records in the subjects'
 * credit files — in Chromium.
 */
@IntegrationTest
class SubmissionsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Test
    void anOperatorUploadsAFileAndFindsTheAcceptedRecords() throws Exception {
        TestCitizens.Person first = TestCitizens.register(subjects, "杨春花");
        TestCitizens.Person second = TestCitizens.register(subjects, "朱国平");
        String badCheck = TestCitizens.withWrongCheckCharacter(first.number());
        String csv = String.join("\n",
                "事项代码,证件号码,主体名称,部门记录编号,决定文书号,决定日期,case_number,court,obligation,performance,behaviour",
                row(first.number(), first.name(), "B-" + first.number().hashCode(), "(2025)豫1702执1号"),
                row(second.number(), second.name(), "B-" + second.number().hashCode(), "(2025)豫1702执2号"),
                row(badCheck, first.name(), "B-bad-1", "(2025)豫1702执3号"),
                "P_COURT_DEFAULTER," + second.number() + "," + second.name() + ",B-bad-2,驻执〔2025〕4号,2025-06-01,,"
                        + "驿城区人民法院,\"=HYPERLINK(\"\"http://evil\"\")\",全部未履行,拒不履行") + "\n";
        Path file = Files.createTempFile("court-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        String operator = TestStaff.create(directory, "DEPT_OPERATOR", "COURT");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.navigate(url("/console/login"));
            page.getByLabel("用户名").fill(operator);
            page.getByLabel("密码").fill(TestStaff.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
            page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
            assertThat(page).hasURL(url("/console"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("数据报送")).click();
            page.getByLabel("报送文件").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并报送")).click();
            Locator batch = page.locator("#batches tbody tr").first();
            assertThat(batch.locator("[data-field=status]")).hasText("已完成",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
            assertThat(batch.locator("[data-field=accepted]")).hasText("2");
            assertThat(batch.locator("[data-field=rejected]")).hasText("2");
            // Gaps review xxxv O11: the end is announced in a status region outside the table htmx replaces, which
            // is not itself live (its numbers change each second).
            Locator announced = page.locator("#batches-status");
            assertThat(announced).hasAttribute("role", "status");
            assertThat(announced).hasText(java.util.regex.Pattern.compile("^批次“.+”已完成：接收 2 条，重复 0 条，拒收 2 条。$"));
            assertThat(page.locator("#batches")).not().hasAttribute("aria-live", java.util.regex.Pattern.compile(".*"));

            Download download = page.waitForDownload(() -> batch.locator("[data-field=errors-csv]").click());
            String report = Files.readString(download.path(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(report).startsWith("\uFEFF").contains("ID_CHECKSUM")
                    .contains("FIELD_REQUIRED").contains("\n4,B-bad-1," + Masking.identityNumber(badCheck) + ",")
                    .contains("\n5,B-bad-2,").doesNotContain(first.number());

            batch.locator("[data-field=detail]").click();
            assertThat(page.locator("#figures [data-field=status]")).hasText("已完成");
            assertThat(page.locator("#figures-status")).containsText("已完成：接收 2 条，重复 0 条，拒收 2 条。");
            Locator rejected = page.locator("#rejected-rows tbody tr");
            assertThat(rejected).hasCount(2);
            assertThat(rejected.locator("[data-field=number]")).containsText(new String[] {
                    Masking.identityNumber(badCheck), Masking.identityNumber(second.number())});
            assertThat(rejected.locator("[data-field=source]")).containsText(new String[] {"B-bad-1", "B-bad-2"});
            assertThat(page.locator("#rejected-rows tr[data-line='4'] [data-field=code]")).hasText("ID_CHECKSUM");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ID_CHECKSUM（1 行）")).click();
            assertThat(rejected).hasCount(1);
            assertThat(rejected.locator("[data-field=line]")).hasText("4");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(first.number())
                    .doesNotContain(second.number()).doesNotContain(badCheck);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用档案")).click();
            page.getByLabel("证件号码").fill(second.number());
            page.getByLabel("查询目的").selectOption("DATA_QUALITY");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
            assertThat(page.locator("#file > tbody")).containsText("失信被执行人信息");
            assertThat(page.locator("#file > tbody")).containsText("有效");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(second.number());
        }
    }

    private static String row(String number, String name, String source, String caseNumber) {
        return "P_COURT_DEFAULTER," + number + "," + name + "," + source + ",驻执〔2025〕1号,2025-06-01," + caseNumber
                + ",驿城区人民法院,给付货款,全部未履行,违反限制消费令";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
