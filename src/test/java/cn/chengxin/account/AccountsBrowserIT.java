package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.audit.Checkpoints;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo accounts of the README, end to end in Chromium: each staff role enrols its authenticator at the
 * first sign-in and signs in again with a code, seeing only its own menu; the clerk looks a person up; the
 * person registers with the SMS code, signs in and finds that look-up in "谁查询了我" with a verified proof.
 */
@IntegrationTest
class AccountsBrowserIT {

    /** Demo user → the menu entries that role sees (and no other). */
    private static final Map<String, List<String>> MENUS = Map.of(
            "sysadmin", List.of("工作台", "用户管理", "部门管理", "接口客户端", "违规机构名单"),
            "secadmin", List.of("工作台", "角色与授权", "密钥管理", "违规机构名单"),
            "auditadmin", List.of("工作台", "违规机构名单", "审计日志", "查询审查"),
            "clerk", List.of("工作台", "信用主体", "名称变更", "信用档案", "信用报告查询", "窗口查询", "异议处理", "信用分人工复核", "信用修复", "工作日历", "名单管理", "名单认定规则", "联合奖惩", "信息交换", "信用评分", "典型案例与文章", "举报处理", "市民账号"),
            "operator", List.of("工作台", "信用主体", "信用档案", "异议核查", "措施解除", "数据报送", "信用承诺", "名单管理"),
            "deptcredit", List.of("工作台", "信用报告查询"));
    private static final List<String> ALL_ITEMS = List.of("工作台", "信用主体", "名称变更", "信用档案", "信用报告查询", "窗口查询", "异议处理", "信用分人工复核", "异议核查", "措施解除", "信用修复", "工作日历", "数据报送", "信用承诺", "用户管理",
            "部门管理", "接口客户端", "市民账号", "角色与授权", "密钥管理", "违规机构名单", "审计日志", "查询审查", "名单管理", "名单认定规则", "联合奖惩", "信息交换", "信用评分", "典型案例与文章", "举报处理");
    private static final Pattern SMS_CODE = Pattern.compile("验证码为 (\\d{6})");

    private Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    cn.chengxin.demo.DemoData demoData;

    @Autowired
    DemoAccounts demoAccounts;

    @BeforeEach
    void useTheSharedBrowser() {
        browser = Chromium.browser();
    }

    @Test
    void everyDemoAccountSignsInWithItsSecondFactorAndTheCitizenSeesWhoLookedThemUp() {
        TestCitizens.Person person = TestCitizens.register(subjects, "郑晓东");
        for (String user : List.of("sysadmin", "secadmin", "auditadmin", "clerk", "operator", "deptcredit")) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
                Page page = context.newPage();
                signIn(page, user);
                assertThat(page).hasURL(url("/console/mfa/enrol"));
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("绑定身份验证器")))
                        .isVisible();
                assertThat(page.locator(".qr svg")).isVisible();
                String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
                Instant enrolledAt = Instant.now();
                page.getByLabel("验证码").fill(TestStaff.code(secret, enrolledAt));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
                assertThat(page).hasURL(url("/console"));
                checkMenu(page, user);
                if (user.equals("clerk")) {
                    lookUp(page, person.number());
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();
                assertThat(page).hasURL(url("/console/login?logout"));

                signIn(page, user);
                assertThat(page).hasURL(url("/console/mfa"));
                page.getByLabel("验证码").fill(TestStaff.code(secret, enrolledAt.plusSeconds(30)));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证并登录")).click();
                assertThat(page).hasURL(url("/console"));
                checkMenu(page, user);
            }
        }

        checkpoints.checkpointNow();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/register"));
            page.getByLabel("证件号码").fill(person.number());
            page.getByLabel("姓名").fill(person.name());
            page.getByLabel("手机号码").fill(person.phone());
            page.getByLabel("密码").fill("Zheng-Xiaodong-2026");
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("个人信息保护规则")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("输入短信验证码")))
                    .isVisible();

            Page sms = context.newPage();
            sms.navigate(url("/dev/sms"));
            Matcher code = SMS_CODE.matcher(sms.locator("[data-field=sms-text]").first().innerText());
            org.assertj.core.api.Assertions.assertThat(code.find()).isTrue();
            sms.close();

            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("短信验证码")).fill(code.group(1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成注册")).click();
            assertThat(page).hasURL(url("/me/login?registered"));
            page.getByLabel("身份证号码或手机号码").fill(person.phone());
            page.getByLabel("密码").fill("Zheng-Xiaodong-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page).hasURL(url("/me"));
            assertThat(page.locator("[data-field=masked-number]")).hasText(
                    person.number().substring(0, 4) + "**********" + person.number().substring(14));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("谁查询了我")).click();
            assertThat(page).hasURL(url("/me/access"));
            Locator lookUp = page.locator("#access-history tbody tr").filter(new Locator.FilterOptions()
                    .setHasText("查询信用主体信息"));
            assertThat(lookUp).hasCount(1);
            assertThat(lookUp).containsText("市社会信用体系建设领导小组办公室");
            assertThat(lookUp).containsText("行政许可审查");
            assertThat(lookUp.locator("[data-field=proof]")).hasText("✓ 已验证");
            lookUp.locator("[data-field=proof]").click();
            assertThat(page.locator("[data-field=verdict]")).containsText("证明有效");

            // 电子送达确认书 (《行政处罚法》第六十一条): the text read, the box ticked, agreed; in force and on record.
            page.navigate(url("/me"));
            page.locator("#my-eservice").click();
            assertThat(page).hasURL(url("/me/electronic-service"));
            assertThat(page.locator("#eservice-terms")).containsText("第六十一条");
            assertThat(page.locator("[data-field=not-in-force]")).isVisible();
            page.getByLabel("本人已阅读并同意上述电子送达确认书").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("同意电子送达").setExact(true)).click();
            assertThat(page.locator("[data-field=in-force]")).containsText("您已同意电子送达");
            assertThat(page.locator("#eservice-history tbody tr")).hasCount(1);
        }

        // The README's demo citizen (on a synthetic resident) signs in with phone number and password.
        if (subjects.firstSyntheticAdult(30).isEmpty()) {
            demoData.generate(50, 11L, message -> { });
        }
        demoAccounts.ensure();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/login"));
            page.getByLabel("身份证号码或手机号码").fill(DemoAccounts.CITIZEN_PHONE);
            page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page).hasURL(url("/me"));
            assertThat(page.locator("[data-field=masked-number]")).hasText(
                    java.util.regex.Pattern.compile("^\\d{4}\\*{10}\\d{3}[0-9X]$"));
        }
    }

    private void signIn(Page page, String user) {
        page.navigate(url("/console/login"));
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码").fill(DemoAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }

    private void checkMenu(Page page, String user) {
        Locator menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("后台导航"));
        for (String item : ALL_ITEMS) {
            Locator link = menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item).setExact(true));
            if (MENUS.get(user).contains(item)) {
                assertThat(link).isVisible();
            } else {
                assertThat(link).hasCount(0);
            }
        }
    }

    private void lookUp(Page page, String number) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用主体").setExact(true)).click();
        page.getByLabel("证件号码").fill(number);
        page.getByLabel("查询目的").selectOption("ADMINISTRATIVE_LICENSING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator("[data-field=masked-number]")).hasText(
                number.substring(0, 4) + "**********" + number.substring(14));
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(number);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
