package cn.chengxin.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In Chromium: a credit-office reviewer approves a court-defaulter proposal; the public serious-dishonesty list
 * shows the person de-identified; a department's system checks and gives feedback; the office sees the case.
 */
@IntegrationTest
class ListsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Listing listing;

    @Autowired
    MockMvc mvc;

    @Test
    void aReviewerListsADefaulterThePublicSeesItAndTheCasesCount() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郑红梅");
        String court = key("COURT", Permission.RECORD_SUBMIT);
        String record = "{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"BR-" + UUID.randomUUID()
                + "\",\"decisionNumber\":\"(2026)豫1702执9号\",\"decisionDate\":\"2026-04-01\",\"fields\":{"
                + "\"case_number\":\"(2026)豫1702执9号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付工程款\","
                + "\"performance\":\"全部未履行\",\"behaviour\":\"违反限制消费令\"}}";
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + court)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"records\":[" + record + "]}"))
                .andExpect(status().isOk());
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .findFirst().orElse(null), e -> e != null);
        String masked = cn.chengxin.subject.domain.Masking.personName(person.name());

        String reviewer = TestStaff.create(directory, "CREDIT_OFFICE");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            signIn(page, reviewer);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("名单管理")).click();
            // Looked up by number: the page names it masked, and neither it nor its pseudonym is in the address.
            page.getByLabel("姓名/名称（开头）或证件号码").fill(person.number());
            page.locator("#filter button[type=submit]").click();
            assertThat(page.locator("#by-number")).containsText(
                    cn.chengxin.subject.domain.Masking.identityNumber(person.number()));
            org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain(person.number())
                    .doesNotContain(subjects.pseudonymOf(subjects.validate(null, person.number())));
            page.locator("#entries").getByText(masked).first().click();
            assertThat(page.locator("#entry")).containsText("失信被执行人");
            page.locator("#approve").click();
            assertThat(page.locator("#entry .status")).hasText("生效");
            assertThat(page.locator(".notice h3").first()).containsText("告知书");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(person.number());

            // A citizen looks the person up by number: answered on the posted form, the number in no address.
            Page visitor = context.newPage();
            java.util.List<String> addresses = new java.util.concurrent.CopyOnWriteArrayList<>();
            visitor.onRequest(r -> addresses.add(r.url()));
            visitor.onFrameNavigated(f -> addresses.add(f.url()));
            searchPublicList(visitor, person.number());
            assertThat(visitor.locator("#public-list")).containsText(masked);
            assertThat(visitor.locator("#by-number")).containsText(
                    cn.chengxin.subject.domain.Masking.identityNumber(person.number()));
            assertThat(visitor).hasURL(url("/lists"));
            org.assertj.core.api.Assertions.assertThat(visitor.content()).doesNotContain(person.number())
                    .doesNotContain(person.name());
            // Then by name: sent on to an address that carries the name, which is published de-identified already.
            searchPublicList(visitor, person.name());
            assertThat(visitor).hasURL(java.util.regex.Pattern.compile(".*/lists\\?.*q=.+"));
            assertThat(visitor.locator("#public-list")).containsText(masked);

            // The market regulator's approval system checks (travel) and reports what it did.
            String market = key("MARKET", Permission.API_SUBJECT_CHECK);
            String answer = await().atMost(Duration.ofSeconds(3)).until(() -> mvc.perform(post("/api/v1/checks")
                    .header("Authorization", "Bearer " + market).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"subjectNumber\":\"" + person.number() + "\",\"scenario\":\"TRAVEL\",\"purpose\":\"购票核验\"}"))
                    .andReturn().getResponse().getContentAsString(), a -> a.contains("NO_FLIGHTS_TRAINS"));
            String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
            mvc.perform(post("/api/v1/checks/" + checkId + "/feedback").header("Authorization", "Bearer " + market)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"已限制购买机票\"}"))
                    .andExpect(status().isNoContent());

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("联合奖惩")).click();
            assertThat(page.locator("#cases")).containsText("NO_FLIGHTS_TRAINS");
            assertThat(page.locator("#cases")).containsText("市市场监督管理局");
            assertThat(page.locator("#measures")).containsText("限制乘坐飞机");

            // The office cannot take a court's listing off by hand (RULES.md §7): the court revokes its record after
            // performance, and the listing and the measures end at once.
            page.navigate(url("/console/lists/" + proposal.id()));
            assertThat(page.locator("#exit-by-other-authority")).isVisible();
            assertThat(page.locator("#exit form")).hasCount(0);
            mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + court)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"records\":[" + record.replace("\"sourceRecordId\"",
                            "\"version\":\"2\",\"action\":\"REVOKE\",\"sourceRecordId\"") + "]}"))
                    .andExpect(jsonPath("$.accepted").value(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                    .filter(e -> e.id().equals(proposal.id())).findFirst().orElseThrow().status().name(),
                    "EXITED"::equals);
            page.reload();
            assertThat(page.locator("#entry .status")).hasText("已移出");
            assertThat(page.locator(".notice h3").last()).containsText("移出");
            visitor.navigate(url("/lists"));
            searchPublicList(visitor, person.number());
            assertThat(visitor.locator("#by-number")).isVisible();
            assertThat(visitor.locator("#public-list")).not().containsText(masked);
            org.assertj.core.api.Assertions.assertThat(addresses).as("every address the visitor's page went to")
                    .isNotEmpty().noneMatch(a -> a.contains(person.number()));
            await().atMost(Duration.ofSeconds(2)).until(() -> mvc.perform(post("/api/v1/checks")
                    .header("Authorization", "Bearer " + market).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"subjectNumber\":\"" + person.number() + "\",\"scenario\":\"TRAVEL\",\"purpose\":\"购票核验\"}"))
                    .andReturn().getResponse().getContentAsString(), a -> !a.contains("NO_FLIGHTS_TRAINS"));
        }
    }

    /** The public list's search box, as a visitor uses it, from whatever page of the lists is open. */
    private void searchPublicList(Page visitor, String query) {
        if (!visitor.url().startsWith(url("/lists"))) {
            visitor.navigate(url("/lists"));
        }
        visitor.getByLabel("姓名/名称或证件号码").fill(query);
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        visitor.waitForLoadState();
    }

    private void signIn(Page page, String user) {
        page.navigate(url("/console/login"));
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码").fill(TestStaff.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
        page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
        assertThat(page).hasURL(url("/console"));
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
