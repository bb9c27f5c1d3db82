package cn.chengxin.portal;

import java.time.Instant;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium: a clerk writes a typical case, cannot publish it herself, a second person of the credit office
 * publishes it and the public reads it; a citizen sends a tip-off, keeps the receipt code, the office answers
 * and the citizen reads the answer.
 */
@IntegrationTest
class PublicContentBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Test
    void aCaseIsWrittenReviewedAndPublishedAndATipOffIsAnswered() {
        String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
        String reviewer = TestStaff.create(directory, "CREDIT_OFFICE");
        String handler = TestStaff.create(directory, "TIPOFF_HANDLER");
        String marker = Long.toString(System.nanoTime(), 36);
        String title = "诚信经营获得绿色通道的典型案例 " + marker;
        try (BrowserContext clerkSide = context(); BrowserContext reviewerSide = context();
             BrowserContext citizenSide = context(); BrowserContext handlerSide = context()) {
            Page writing = clerkSide.newPage();
            signIn(writing, clerk);
            consoleMenu(writing, "典型案例与文章").click();
            writing.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("撰写文章")).click();
            writing.getByLabel("类别", new Page.GetByLabelOptions().setExact(true)).selectOption("CASE");
            writing.getByLabel("标题", new Page.GetByLabelOptions().setExact(true)).fill(title);
            writing.getByLabel("摘要", new Page.GetByLabelOptions().setExact(true)).fill("某企业连续三年无失信记录。");
            writing.getByLabel("正文", new Page.GetByLabelOptions().setExact(true))
                    .fill("某企业连续三年无不良信用记录，<b>享受</b>容缺受理。\n\n办理时间由五个工作日缩短为一个工作日。");
            button(writing, "保存草稿").click();
            assertThat(writing.getByRole(AriaRole.STATUS)).containsText("草稿已保存");
            button(writing, "提交审核").click();
            assertThat(writing.locator("[data-field=status]")).hasText("待审核");
            button(writing, "审核通过并发布").click();
            assertThat(writing.getByRole(AriaRole.ALERT)).containsText("FOUR_EYES");
            assertThat(writing.locator("[data-field=status]")).hasText("待审核");
            String articleUrl = writing.url();

            Page reviewing = reviewerSide.newPage();
            signIn(reviewing, reviewer);
            reviewing.navigate(articleUrl);
            reviewing.getByLabel("已完成保密审查：已去标识化，不含可识别个人的信息").check();
            button(reviewing, "审核通过并发布").click();
            assertThat(reviewing.getByRole(AriaRole.STATUS)).containsText("已审核通过并发布");
            assertThat(reviewing.locator("[data-field=status]")).hasText("已发布");

            Page citizen = citizenSide.newPage();
            citizen.navigate(url("/cases"));
            citizen.getByLabel("标题").fill(marker);
            button(citizen, "搜索").click();
            citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            Locator paragraphs = citizen.locator("[data-field=body] p");
            assertThat(paragraphs).hasCount(2);
            assertThat(paragraphs.first()).hasText("某企业连续三年无不良信用记录，<b>享受</b>容缺受理。");

            String subject = "某装修公司" + marker;
            citizen.navigate(url("/tipoffs"));
            citizen.getByLabel("被举报人或单位名称").fill(subject);
            citizen.getByLabel("失信事实").fill("收取装修预付款后长期不开工，拒不退款，已有多户居民受害。");
            String question = citizen.locator("[data-field=challenge-question]").innerText();
            citizen.getByLabel("验证问题").fill(Integer.toString(ChallengeQuestions.solve(question)));
            button(citizen, "提交举报").click();
            assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("举报已收到");
            String receipt = citizen.locator("[data-field=receipt-code]").innerText();

            // Tip-offs are handled by the 举报受理员 (a role of its own), not by every clerk.
            Page handling = handlerSide.newPage();
            signIn(handling, handler);
            consoleMenu(handling, "举报处理").click();
            handling.locator("#tipoffs tr", new Page.LocatorOptions().setHasText(subject)).getByRole(AriaRole.LINK)
                    .click();
            handling.getByLabel("处理结果").selectOption("ACCEPTED");
            handling.getByLabel("答复举报人").fill("已受理，已转市市场监督管理局核查。");
            button(handling, "保存处理结果").click();
            assertThat(handling.getByRole(AriaRole.STATUS)).containsText("处理结果已保存");

            citizen.navigate(url("/tipoffs/status"));
            citizen.getByLabel("查询码").fill(receipt);
            button(citizen, "查询").click();
            assertThat(citizen.locator("[data-field=status]")).hasText("已受理");
            assertThat(citizen.locator("[data-field=reply]")).hasText("已受理，已转市市场监督管理局核查。");
        }
    }

    private BrowserContext context() {
        return Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
    }

    private void signIn(Page page, String user) {
        page.navigate(url("/console/login"));
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码").fill(TestStaff.PASSWORD);
        button(page, "登录").click();
        String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
        page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
        button(page, "绑定并登录").click();
        assertThat(page).hasURL(url("/console"));
    }

    private static Locator consoleMenu(Page page, String item) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("后台导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
