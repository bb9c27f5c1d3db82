package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestCitizens;
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
import static org.awaitility.Awaitility.await;

/**
 * Issue #8's second acceptance journey: a citizen with a general-class penalty decided four months ago reads the repair
 * notice, applies with proof and the signed commitment; two staff members approve; the record leaves the public
 * disclosure page, the file shows it repaired, and the score rises.
 */
@IntegrationTest
class RepairBrowserIT {

    private static final String DECISION = "驻市监罚〔2026〕731号";

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
    CreditFile creditFile;

    @Autowired
    Scoring scoring;

    @Autowired
    cn.chengxin.exchange.Exchange exchange;

    @Test
    void aCitizenRepairsAGeneralPenaltyAfterThreeMonthsAndItLeavesThePublicPage() throws Exception {
        // The province above this city, so that what changes here is queued for it (issue #9's exchange).
        String province = "T" + (20_000 + (int) (System.nanoTime() % 9_000));
        exchange.savePartner(new cn.chengxin.exchange.PartnerSetting(province, "信用省（测试）",
                cn.chengxin.exchange.domain.PlatformLevel.PROVINCE, cn.chengxin.exchange.domain.Relation.PARENT, null,
                cn.chengxin.audit.SigningKeys.of(cn.chengxin.audit.SigningKeys.generatePrivateKey()).publicKey()));
        String number = TestCitizens.withCheckCharacter("411702" + "19820314" + "517");
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "商丽娟",
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1982, 3, 14))), List.of(), false));
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(number, "商丽娟", "P_ADMIN_PENALTY_GENERAL",
                "REP-" + UUID.randomUUID(), "1", "ADD", DECISION, "占道经营"), LocalDate.now().minusMonths(4));
        String phone = "136" + String.format("%08d", Math.abs(number.hashCode()) % 100_000_000);
        citizens.registerVerified(id, phone, "Shang-Lijuan-2026");
        int before = await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(id)
                .filter(s -> s.scored()).map(s -> s.score()).orElse(null), s -> s != null);
        Path proof = Files.createTempFile("payment-", ".pdf");
        Files.writeString(proof, "%PDF-1.4\n% 罚款缴纳凭证（测试）\n", StandardCharsets.UTF_8);

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/disclosures"));
            page.getByLabel("决定文书号或证件号码").fill(DECISION);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
            assertThat(page.locator("#disclosures tbody")).containsText("行政处罚信息（一般）");
            assertThat(page.locator("#disclosures tbody")).containsText("商*娟");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);

            SignIn.citizen(page, url(""), phone, "Shang-Lijuan-2026");
            page.locator("#my-file").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用修复告知书")).first().click();
            assertThat(page.locator("#repair-notice")).containsText(DECISION);
            assertThat(page.locator("#repair-notice [data-field=when]")).containsText(
                    LocalDate.now().minusMonths(4).plusMonths(3) + " 起可以申请");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申请信用修复")).click();
            assertThat(page.locator("#commitment-text")).containsText("本人商丽娟");
            page.getByLabel("纠正失信行为、履行法定义务的情况").fill("已于上月缴清罚款，并已搬离占用道路。");
            page.locator("#proof").setInputFiles(proof);
            page.getByLabel("签署：请输入您的姓名").fill("商丽娟");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签署承诺并提交申请")).click();
            assertThat(page.locator("#applications [data-field=state]").first()).hasText("待审查");
            assertThat(page.locator("body")).containsText("不收取任何费用");
        }

        String first = TestStaff.create(directory, "CREDIT_OFFICE");
        String second = TestStaff.create(directory, "CREDIT_OFFICE");
        review(first, "初审同意", "初审同意，待另一人复核");
        review(second, "复核批准修复", "已批准修复");

        org.assertj.core.api.Assertions.assertThat(creditFile.fileOf(id).get(0).status()).isEqualTo(RecordStatus.REPAIRED);
        // The repair is queued for the province, after the record it repairs.
        org.assertj.core.api.Assertions.assertThat(exchange.queuedFor(id)).filteredOn(q -> q.partnerCode().equals(province))
                .extracting(q -> q.kind() + " " + q.status()).containsExactly("RECORD ACTIVE", "RECORD REPAIRED");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/disclosures?q=" + java.net.URLEncoder.encode(DECISION, StandardCharsets.UTF_8)));
            assertThat(page.locator("#disclosures tbody")).not().containsText("行政处罚信息（一般）");
            SignIn.citizen(page, url(""), phone, "Shang-Lijuan-2026");
            page.navigate(url("/me/repairs"));
            assertThat(page.locator("#applications [data-field=state]").first()).hasText("已修复");
            page.navigate(url("/me/file"));
            assertThat(page.locator("#file tbody")).containsText("已修复");
            int after = await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(id)
                    .filter(s -> s.scored()).map(s -> s.score()).orElse(before), s -> s > before);
            page.navigate(url("/me/score"));
            assertThat(page.locator("[data-field=score]")).hasText(String.valueOf(after));
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);
        }
    }

    private void review(String staff, String button, String message) {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.newStaff(page, url(""), staff);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用修复").setExact(true)).click();
            // The queue lists the application masked (F8); opening it records the look and shows the statement.
            page.locator("#open-repairs tr", new Page.LocatorOptions().setHasText(DECISION))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看办理")).click();
            Locator row = page.locator("#repair-case tr", new Page.LocatorOptions().setHasText(DECISION));
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button)).click();
            assertThat(page.locator("[role=status]")).containsText(message);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
