package cn.chengxin.account;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 找回密码 in Chromium, as registration is walked in {@link AccountsBrowserIT}: from the sign-in page's 忘记密码？ link,
 * number and name, the code read from the development SMS page, a new password, and a sign-in with it.
 */
@IntegrationTest
class PasswordRecoveryBrowserIT {

    private static final Pattern SMS_CODE = Pattern.compile("验证码为 (\\d{6})");

    private Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @BeforeEach
    void useTheSharedBrowser() {
        browser = Chromium.browser();
    }

    @Test
    void aCitizenWhoForgotThePasswordSetsANewOneWithTheCodeTextedToThePhoneOnFile() {
        TestCitizens.Person person = TestCitizens.register(subjects, "卫忘记");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Wei-Wangji-2026");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/login"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("忘记密码？")).click();
            assertThat(page).hasURL(url("/me/recover"));
            page.getByLabel("证件号码").fill(person.number());
            page.getByLabel("姓名").fill(person.name());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("设置新密码")))
                    .isVisible();
            assertThat(page.locator("[data-field=recover-sent]")).containsText("若信息无误，验证码已发送至登记手机");

            Page sms = context.newPage();
            sms.navigate(url("/dev/sms"));
            Matcher code = SMS_CODE.matcher(sms.locator("[data-field=sms-text]").first().innerText());
            org.assertj.core.api.Assertions.assertThat(code.find()).isTrue();
            sms.close();

            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("短信验证码")).fill(code.group(1));
            page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("Wei-Xinmima-2026");
            page.getByLabel("再次输入新密码").fill("Wei-Xinmima-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重设密码")).click();
            assertThat(page).hasURL(url("/me/login?recovered"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("密码已重设");

            page.getByLabel("身份证号码或手机号码").fill(person.phone());
            page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Wei-Xinmima-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page).hasURL(url("/me"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
