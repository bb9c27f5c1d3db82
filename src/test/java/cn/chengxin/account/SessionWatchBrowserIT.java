package cn.chengxin.account;

import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A clerk writing a typical case in the console, with the page's clock under the test's control: typing keeps the
 * session (15 idle minutes) alive, an idle page warns two minutes before it ends, and a form written across an ended
 * session is kept and sent once the clerk has signed in again in another window, instead of being refused and lost.
 */
@IntegrationTest
class SessionWatchBrowserIT {

    private Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @BeforeEach
    void useTheSharedBrowser() {
        browser = Chromium.browser();
    }

    @Test
    void typingKeepsTheSessionAndAnIdlePageWarnsBeforeItEnds() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/console/login"));
            assertThat(page.locator("meta[name=session-watch]")).hasCount(0);
            page.clock().install();
            SignIn.newStaff(page, url(""), TestStaff.create(directory, "CREDIT_OFFICE"));
            page.navigate(url("/console/content/new"));
            assertThat(page.locator("meta[name=session-watch]")).hasCount(1);
            page.getByLabel("标题").fill("诚信经营典型案例");

            page.clock().runFor(61_000);
            Response kept = page.waitForResponse(r -> r.url().endsWith("/console/session"),
                    () -> page.getByLabel("正文").pressSequentially("某"));
            org.assertj.core.api.Assertions.assertThat(kept.status()).isEqualTo(200);

            page.clock().runFor(12 * 60_000);
            assertThat(page.locator("#session-watch")).hasCount(0);
            page.clock().runFor(90_000);
            assertThat(page.locator("#session-watch")).containsText("登录将在约 2 分钟后失效");
            page.waitForResponse(r -> r.url().endsWith("/console/session") && r.status() == 200,
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("继续使用")).click());
            assertThat(page.locator("#session-watch")).hasCount(0);
        }
    }

    @Test
    void aFormWrittenAcrossAnEndedSessionIsSentAfterSigningInAgain() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.clock().install();
            String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
            String secret = SignIn.newStaff(page, url(""), clerk);
            page.navigate(url("/console/content/new"));
            page.getByLabel("标题").fill("会话结束后仍可提交的案例");
            page.getByLabel("正文").fill("写了很久的正文。");

            context.clearCookies(); // the server no longer knows the page's session, as after 15 idle minutes
            page.clock().runFor(15 * 60_000 + 15_000);
            assertThat(page.locator("#session-watch")).containsText("登录已失效");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
            assertThat(page).hasURL(url("/console/content/new"));
            assertThat(page.getByLabel("正文")).hasValue("写了很久的正文。");

            Page again = context.newPage();
            SignIn.staffAgain(again, url(""), clerk, secret);
            assertThat(again).hasURL(url("/console"));
            again.close();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("已重新登录")).click();
            assertThat(page.locator("#session-watch")).containsText("已重新登录，可以继续提交");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
            assertThat(page.getByText("会话结束后仍可提交的案例").first()).isVisible();
            assertThat(page).not().hasURL(url("/console/content/new"));
        }
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
