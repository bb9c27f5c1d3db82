package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestRecords;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue #8's first journey in Chromium: a citizen objects to a wrong record → the record is 异议中 in their report →
 * the department delivers the corrected record and the credit office decides within the deadline → the citizen
 * sees the outcome and the corrected record.
 */
@IntegrationTest
class ObjectionsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    cn.chengxin.creditfile.CreditFile creditFile;

    @Autowired
    Objections objections;

    @Test
    void aWrongRecordIsContestedCorrectedAndTheCitizenSeesTheOutcome() throws Exception {
        String number = TestCitizens.withCheckCharacter("411702" + "19790521" + "635");
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "卓雅琴",
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1979, 5, 21))), List.of(), false));
        String source = "OBJ-" + UUID.randomUUID();
        deliver(number, source, "1", "ADD", "无照经营");
        String phone = "135" + String.format("%08d", Math.abs(number.hashCode()) % 100_000_000);
        citizens.registerVerified(id, phone, "Zhuo-Yaqin-2026");

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.citizen(page, url(""), phone, "Zhuo-Yaqin-2026");
            assertThat(page).hasURL(url("/me"));
            page.locator("#my-file").click();
            // Before applying, the file says when the general-class penalty (decided a month ago) can be repaired.
            assertThat(page.locator("#file [data-field=repair]").first()).hasText(
                    LocalDate.now().minusMonths(1).plusMonths(3) + " 起可申请");
            // Gaps review xxxv O2: refused (a file that is no PDF nor image), the refusal is shown inside the objection
            // form, focused, beside the field it names; the reasons typed are kept.
            page.locator("#objection-reasons").fill("我从未在该地址经营，处罚对象有误。");
            page.locator("#objection-evidence").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "决定书.pdf", "application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提出异议").setExact(true)).click();
            assertThat(page.locator("#objection-form #refusal")).isFocused();
            assertThat(page.locator("#refusal")).hasCount(1);
            assertThat(page.locator("#objection-evidence")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#objection-evidence")).hasAccessibleDescription(
                    java.util.regex.Pattern.compile("不是 PDF"));
            assertThat(page.locator("#objection-reasons")).hasValue("我从未在该地址经营，处罚对象有误。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提出异议").setExact(true)).click();
            assertThat(page.locator("#objections [data-field=state]").first()).hasText("已受理");
            page.navigate(url("/me/reports"));
            page.locator("#generate-full").click();
            assertThat(page.locator("body")).containsText("异议处理中");
            // The public disclosure page marks it too, for anyone who looks it up.
            page.navigate(url("/disclosures?q=" + java.net.URLEncoder.encode("驻市监罚〔2026〕601号",
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.locator("#disclosures [data-field=disputed]")).hasText("异议处理中");
        }

        // The market regulator delivers the corrected record; the credit office decides in the console.
        deliver(number, source, "2", "UPDATE", "超范围经营（更正后）");
        org.assertj.core.api.Assertions.assertThat(creditFile.fileOf(id).get(0).status()).as("still contested")
                .isEqualTo(cn.chengxin.creditfile.RecordStatus.IN_DISPUTE);
        String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.newStaff(page, url(""), clerk);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("异议处理").setExact(true)).click();
            // The queue lists the case masked (F8); opening it records the look and shows the record and reasons.
            UUID objection = objections.of(id).get(0).id();
            page.locator("#open-objections tr[data-objection='" + objection + "']")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看办理")).click();
            Locator row = page.locator("#objection-case tr", new Page.LocatorOptions().setHasText("处罚对象有误"));
            assertThat(row.locator("[data-field=overdue]")).hasCount(0);
            row.locator("select[name=outcome]").selectOption("CORRECT");
            row.locator("textarea[name=reasons]").fill("经市场监管局核实，已更正违法事实。");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("办结")).click();
            assertThat(page.locator("#decided-objections")).containsText("经市场监管局核实");
        }

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.citizen(page, url(""), phone, "Zhuo-Yaqin-2026");
            page.navigate(url("/me/objections"));
            assertThat(page.locator("#objections [data-field=outcome]").first()).hasText("更正");
            assertThat(page.locator("#objections")).containsText("经市场监管局核实，已更正违法事实。");
            page.navigate(url("/me/reports"));
            page.locator("#generate-full").click();
            assertThat(page.locator("body")).containsText("超范围经营（更正后）");
            assertThat(page.locator("body")).not().containsText("异议处理中");
            page.navigate(url("/disclosures?q=" + java.net.URLEncoder.encode("驻市监罚〔2026〕601号",
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.locator("#disclosures tbody")).containsText("行政处罚信息（一般）");
            assertThat(page.locator("#disclosures [data-field=disputed]")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);
        }
    }

    private void deliver(String number, String source, String version, String action, String facts) throws Exception {
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(number, "卓雅琴",
                "P_ADMIN_PENALTY_GENERAL", source, version, action, "驻市监罚〔2026〕601号", facts));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
