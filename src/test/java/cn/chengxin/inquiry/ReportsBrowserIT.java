package cn.chengxin.inquiry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestCitizens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue #7's journey in Chromium: a citizen authorises an institution; the institution's API call gets the PDF; the
 * citizen sees the query under 谁查询了我; the public verification page confirms the report; after the citizen
 * withdraws the consent, the institution's next query is refused.
 */
@IntegrationTest
class ReportsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Reports reports;

    @Test
    void consentQueryVerificationAndWithdrawal() throws Exception {
        String number = TestCitizens.withCheckCharacter("411702" + "19860312" + "552");
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "管晓峰",
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1986, 3, 12))), List.of(), false));
        String phone = "136" + String.format("%08d", Math.abs(number.hashCode()) % 100_000_000);
        citizens.registerVerified(id, phone, "Guan-Xiaofeng-2026");
        ApiClients.IssuedKey bank = apiClients.issue("消费信贷审批", "丁银行（测试）", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 600);

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.citizen(page, url(""), phone, "Guan-Xiaofeng-2026");
            assertThat(page).hasURL(url("/me"));

            // The citizen authorises the bank for a loan decision, several queries, 30 days.
            page.locator("#my-consents").click();
            page.getByLabel("查询机构").selectOption(bank.clientId().toString());
            page.getByLabel("用途").selectOption("LENDING");
            page.getByLabel("仅限一次查询").uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("授权").setExact(true)).click();
            assertThat(page.locator("#consents [data-field=state]").first()).hasText("有效");

            // The bank's system asks for the report and gets a PDF.
            HttpResponse<byte[]> response = query(bank.key(), number);
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValue(
                    "application/pdf");
            String text;
            try (PDDocument pdf = Loader.loadPDF(response.body())) {
                text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
            }
            org.assertj.core.api.Assertions.assertThat(text).contains("个人信用报告（授权查询版）", "丁银行（测试）")
                    .doesNotContain(number);
            String reportNumber = response.headers().firstValue("X-Report-Number").orElseThrow();
            String code = response.headers().firstValue("X-Verification-Code").orElseThrow();

            // The citizen sees who queried them, and the report among their reports.
            page.navigate(url("/me/access"));
            assertThat(page.locator("tbody")).containsText("丁银行（测试）");
            assertThat(page.locator("tbody")).containsText("出具信用报告");
            page.navigate(url("/me/reports"));
            assertThat(page.locator("#reports")).containsText(reportNumber);

            // Anyone can verify the report with its number and code.
            try (BrowserContext visitor = Chromium.browser().newContext(
                    new Browser.NewContextOptions().setLocale("zh-CN"))) {
                Page v = visitor.newPage();
                v.navigate(url("/"));
                v.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("报告核验").setExact(true)).first().click();
                v.getByLabel("报告编号").fill(reportNumber);
                v.getByLabel("核验码").fill(code);
                v.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验")).click();
                assertThat(v.locator("[data-field=verdict]")).hasText("该报告由本平台出具，真实有效。");
                assertThat(v.locator("#verified")).containsText("管*峰");
                org.assertj.core.api.Assertions.assertThat(v.content()).doesNotContain(number);
            }

            // The citizen withdraws the consent; the bank's next query is refused.
            page.navigate(url("/me/consents"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("撤回")).first().click();
            assertThat(page.locator("#consents [data-field=state]").first()).hasText("已撤回");
            HttpResponse<byte[]> refused = query(bank.key(), number);
            org.assertj.core.api.Assertions.assertThat(refused.statusCode()).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("CONSENT_WITHDRAWN");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);
        }
    }

    /**
     * Issue #7: scanning a printed report's QR code opens the verification page with the code in the fragment; the
     * page's script fills the form and posts it, so that no request line carries the code, and the address bar keeps
     * none.
     */
    @Test
    void scanningAReportsQrCodeFillsTheFormAndVerifies() {
        TestCitizens.Person person = TestCitizens.register(subjects, "扫码核");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        Reports.Issued issued = reports.forSelf(id, ReportKind.OCCUPATIONAL);
        String scanned = url(issued.content().verifyUrl().replaceFirst("^https?://[^/]+", ""));
        org.assertj.core.api.Assertions.assertThat(scanned).contains("#n=" + issued.number() + "&c="
                + issued.verificationCode());

        try (BrowserContext visitor = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page v = visitor.newPage();
            List<String> requestLines = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
            v.onRequest(r -> {
                requestLines.add(r.method() + " " + r.url());
                if ("POST".equals(r.method()) && r.postData() != null) {
                    posted.add(r.postData());
                }
            });
            v.navigate(scanned);
            assertThat(v.locator("[data-field=verdict]")).hasText("该报告由本平台出具，真实有效。");
            assertThat(v.locator("#verified")).containsText("扫*核");
            org.assertj.core.api.Assertions.assertThat(v.url()).doesNotContain("#", issued.verificationCode());
            org.assertj.core.api.Assertions.assertThat(requestLines).anyMatch(line -> line.startsWith("POST "))
                    .noneMatch(line -> line.contains(issued.verificationCode()));
            org.assertj.core.api.Assertions.assertThat(posted)
                    .anyMatch(body -> body.contains("code=" + issued.verificationCode()));
        }
    }

    private HttpResponse<byte[]> query(String key, String number) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/reports")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subjectNumber\":\"" + number
                        + "\",\"purpose\":\"LENDING\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
