package cn.chengxin.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** In Chromium: a citizen reads their score, why, and their benefits; the credit office sees coverage charts. */
@IntegrationTest
class ScoresBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    Scoring scoring;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Test
    void aCitizenSeesScoreExplanationAndBenefitsAndTheOfficeSeesCoverage() throws Exception {
        String first17 = "411702" + "19880716" + "731";
        String number = TestCitizens.withCheckCharacter(first17);
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "钟晓梅", null,
                null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", LocalDate.of(1988, 7, 16))),
                List.of(), false));
        scoring.rescore(Set.of(id));
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst().orElseThrow()
                .id();
        String key = apiClients.issue("市场监管报送", "MARKET", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\"" + number
                                + "\",\"subjectName\":\"钟晓梅\",\"sourceRecordId\":\"SB-" + UUID.randomUUID()
                                + "\",\"decisionNumber\":\"驻市监罚〔2026〕9号\",\"decisionDate\":\"" + LocalDate.now().minusDays(20)
                                + "\",\"fields\":{\"penalty_type\":\"罚款\",\"facts\":\"无照经营\","
                                + "\"basis\":\"《无证无照经营查处办法》第十三条\",\"authority\":\"市市场监督管理局\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(id).map(SubjectScore::score).orElse(1000) < 1000);
        String phone = "137" + String.format("%08d", Math.abs(number.hashCode()) % 100_000_000);
        citizens.registerVerified(id, phone, "Zhong-Xiaomei-2026");

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/login"));
            page.getByLabel("身份证号码或手机号码").fill(phone);
            page.getByLabel("密码").fill("Zhong-Xiaomei-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page).hasURL(url("/me"));
            page.locator("#my-score").click();
            assertThat(page.locator("[data-field=score]")).hasText(String.valueOf(scoring.scoreOf(id).orElseThrow().score()));
            assertThat(page.locator("#contributions")).containsText("行政处罚信息（一般）");
            assertThat(page.locator("#dimensions")).containsText("遵纪守法");
            // A recent general penalty takes the grade below A: the grade-bound benefits are not offered.
            assertThat(page.locator("#benefits li")).hasCount(scoring.benefitsOf(id).size());
            assertThat(page.locator("main")).containsText("我可以享受的信用惠民");
            // The penalty changed the grade the resident had: the change is noticed beside the score.
            assertThat(page.locator("main")).containsText("信用等级变动通知");
            assertThat(page.locator("#grade-notices tbody tr")).hasCount(1);
            assertThat(page.locator("#grade-notices")).containsText(scoring.gradeNotices(id).get(0).fromLabel());
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);
        }

        String office = TestStaff.create(directory, "CREDIT_OFFICE");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/console/login"));
            page.getByLabel("用户名").fill(office);
            page.getByLabel("密码").fill(TestStaff.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
            page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用评分").setExact(true)).click();
            assertThat(page.locator("[data-field=coverage]")).containsText("目标 ≥ 70%");
            assertThat(page.locator("[data-chart-id=coverage]")).hasAttribute("data-chart-ready", "true");
            assertThat(page.locator("[data-chart-id=age] svg")).hasCount(1);
            assertThat(page.locator("[data-chart-id=trend]")).hasAttribute("data-chart-ready", "true");
            assertThat(page.locator("#model-table")).containsText("WEIHAI_POINTS");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
