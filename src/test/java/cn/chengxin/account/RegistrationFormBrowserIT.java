package cn.chengxin.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Gaps review xxxv O2 and O6 in Chromium: a refused registration comes back with what was typed (but the password),
 * the wrong field marked and described by its refusal, the refusal focused and read in words first; the code page
 * says until when the code may be typed and sends another code, once a minute, saying how long to wait.
 */
@IntegrationTest
class RegistrationFormBrowserIT {

    private static final Pattern SMS_CODE = Pattern.compile("实名注册验证码为 (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.subject.PersonalDataProtection protection;

    @Test
    void aRefusedRegistrationKeepsWhatWasTypedAndTheCodePageSendsAnotherCode() {
        TestCitizens.Person person = TestCitizens.register(subjects, "郑重填");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/register"));
            page.getByLabel("证件号码").fill(person.number());
            page.getByLabel("姓名").fill(person.name());
            page.getByLabel("手机号码").fill("1380013800");
            page.getByLabel("密码").fill("Zheng-Chongtian-2026");
            page.locator("#privacyConsent").check();
            // Gaps review xl U13 rest: the confirmation of electronic service is offered unticked, its text at hand.
            assertThat(page.locator("#eserviceConsent")).not().isChecked();
            page.getByText("阅读电子送达确认书（可选）").click();
            assertThat(page.locator("#eservice-terms")).containsText("第六十一条");
            page.locator("#eserviceConsent").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();

            // O2: the page says it is a refusal, focuses it, and reads the words before any code.
            assertThat(page).hasTitle(Pattern.compile("^错误：实名注册"));
            Locator refusal = page.locator("#refusal");
            assertThat(refusal).isFocused();
            assertThat(refusal).hasAttribute("data-code", "PHONE_FORMAT");
            org.assertj.core.api.Assertions.assertThat(refusal.innerText().strip()).startsWith("手机号码应为 11 位");
            assertThat(refusal.locator(".refusal-code")).hasAttribute("aria-hidden", "true");
            // Everything typed comes back but the password; the number only into its own field.
            assertThat(page.locator("#number")).hasValue(person.number());
            assertThat(page.locator("#name")).hasValue(person.name());
            assertThat(page.locator("#phone")).hasValue("1380013800");
            assertThat(page.locator("#password")).hasValue("");
            assertThat(page.locator("#privacyConsent")).isChecked();
            assertThat(page.locator("#eserviceConsent")).isChecked();
            // The wrong field, and only it, is marked and described by its refusal.
            assertThat(page.locator("#phone")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#phone")).hasAccessibleDescription(Pattern.compile("手机号码应为 11 位"));
            assertThat(page.locator("[aria-invalid=true]")).hasCount(1);

            page.locator("#phone").fill(person.phone());
            page.getByLabel("密码").fill("Zheng-Chongtian-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("输入短信验证码")))
                    .isVisible();
            // O6: the time the code runs out, as a clock time, and that a new one can be sent.
            assertThat(page.locator("[data-field=code-expiry]")).containsText(Pattern.compile("请在 \\d{2}:\\d{2} 前输入验证码"));
            assertThat(page.locator("#code")).hasAccessibleDescription(Pattern.compile("前输入验证码"));
            String first = codeTo(person);

            // A new code at once is refused, saying how long to wait; no text goes.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新发送验证码")).click();
            assertThat(page.locator("#refusal")).hasAttribute("data-code", "SMS_TOO_FREQUENT");
            assertThat(page.locator("#refusal")).containsText("验证码发送过于频繁");
            assertThat(page.locator("#resend-hint")).containsText(Pattern.compile("请 \\d+ 秒后再重新发送验证码"));
            org.assertj.core.api.Assertions.assertThat(texts(person)).hasSize(1);

            // A minute later (the last text's time moved back rather than waited for), a second text goes.
            jdbc.sql("""
                            UPDATE account.pending_registration SET created_at = created_at - interval '61 seconds'
                            WHERE phone_pseudonym = ?""").param(protection.pseudonym("phone", person.phone()))
                    .update();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新发送验证码")).click();
            assertThat(page.locator("[data-field=code-resent]")).containsText("新的验证码已发送至 "
                    + person.phone().substring(0, 3) + "****" + person.phone().substring(7));
            org.assertj.core.api.Assertions.assertThat(texts(person)).hasSize(2);
            String second = codeTo(person);

            if (!second.equals(first)) {
                page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("短信验证码")).fill(first);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成注册")).click();
                assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#code")).hasAccessibleDescription(Pattern.compile("验证码不正确"));
            }
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("短信验证码")).fill(second);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成注册")).click();
            assertThat(page).hasURL(url("/me/login?registered"));
            // The box ticked: the agreement was stored with the account.
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                            SELECT a.channel FROM account.electronic_service_agreement a
                            JOIN account.citizen c ON c.subject_id = a.subject_id AND a.agreed_by = c.id::text
                            WHERE c.phone_pseudonym = ? AND a.withdrawn_at IS NULL""")
                    .param(protection.pseudonym("phone", person.phone())).query(String.class).list())
                    .containsExactly("registration");
        }
    }

    /** The registration texts sent to the person's phone, newest first. */
    private List<DevSmsGateway.Message> texts(TestCitizens.Person person) {
        org.assertj.core.api.Assertions.assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        String masked = DevSmsGateway.maskPhone(person.phone());
        return sms.recent().stream().filter(m -> m.maskedPhone().equals(masked) && m.text().contains("实名注册验证码"))
                .toList();
    }

    private String codeTo(TestCitizens.Person person) {
        Matcher code = SMS_CODE.matcher(texts(person).get(0).text());
        org.assertj.core.api.Assertions.assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
