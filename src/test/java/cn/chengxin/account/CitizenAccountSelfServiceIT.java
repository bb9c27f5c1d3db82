package cn.chengxin.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review #13: a citizen changes the phone (password, real-name check of the new phone, a code texted to it, a
 * notice to the old one) and closes the account (password; sessions end; the account row and its sealed phone are
 * deleted, the credit file stays; the person may register again).
 */
@IntegrationTest
class CitizenAccountSelfServiceIT {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    cn.chengxin.inquiry.Consents consents;

    @Test
    void aCitizenMovesToTheirOwnNewPhoneAndTheOldOneIsTold() {
        TestCitizens.Person person = TestCitizens.register(subjects, "沈换号");
        String old = "13712349000".equals(person.phone()) ? "13712349001" : "13712349000";
        WebClient web = signedIn(person, old, "Shen-Huanhao-2026");
        List<DevSmsGateway.Message> before = sent();

        WebClient.Page stranger = web.post("/me/phone", Map.of("current", "Shen-Huanhao-2026",
                "phone", "13712349002".equals(person.phone()) ? "13712349003" : "13712349002"));
        assertThat(stranger.body()).contains("REAL_NAME_MISMATCH").doesNotContain("name=\"code\"");
        assertThat(sent()).as("no code to a phone that is not the person's").isEqualTo(before);
        assertThat(web.post("/me/phone", Map.of("current", "Wrong-Password-1", "phone", person.phone())).body())
                .contains("CURRENT_PASSWORD_WRONG");

        WebClient.Page verify = web.post("/me/phone", Map.of("current", "Shen-Huanhao-2026", "phone", person.phone()));
        assertThat(verify.body()).contains("name=\"code\"");
        DevSmsGateway.Message code = sent().get(0);
        assertThat(code.maskedPhone()).isEqualTo(masked(person.phone()));
        Matcher digits = CODE.matcher(code.text());
        assertThat(digits.find()).isTrue();
        assertThat(web.post("/me/phone/verify", Map.of("code", digits.group(1))).redirectsTo("/me/phone")).isTrue();

        DevSmsGateway.Message notice = sent().get(0);
        assertThat(notice.maskedPhone()).isEqualTo(masked(old));
        assertThat(notice.text()).contains("已更换为 " + masked(person.phone()));
        assertThat(citizens.login(person.phone(), "Shen-Huanhao-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        assertThat(citizens.login(old, "Shen-Huanhao-2026")).isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action = 'account.citizen.phone' AND result = 'SUCCESS' AND detail LIKE 'reason=PHONE_CHANGED;%'")
                .param(pseudonymOf(person)).query(Long.class).single()).isOne();
    }

    /**
     * K4 of gaps-review-xxix: a code spent by wrong tries (or expired) is refused as this page's
     * {@code PHONE_CHANGE_CODE_EXPIRED}, telling the person to send a new code — not {@code CODE_EXPIRED}'s "register
     * again", wrong for a person already registered — and the page shows the form to send one. The phone stays.
     */
    @Test
    void aSpentCodeAsksForANewCodeNotANewRegistration() {
        TestCitizens.Person person = TestCitizens.register(subjects, "沈重发");
        String old = "13712349000".equals(person.phone()) ? "13712349001" : "13712349000";
        WebClient web = signedIn(person, old, "Shen-Chongfa-2026");
        assertThat(web.post("/me/phone", Map.of("current", "Shen-Chongfa-2026", "phone", person.phone())).body())
                .contains("name=\"code\"");
        Matcher digits = CODE.matcher(sent().get(0).text());
        assertThat(digits.find()).isTrue();
        String right = digits.group(1);
        String wrong = (right.charAt(0) == '1' ? "2" : "1") + right.substring(1);
        assertThat(web.post("/me/phone/verify", Map.of("code", wrong)).body()).contains("CODE_WRONG", "id=\"phone-verify\"");
        for (int i = 1; i < cn.chengxin.account.domain.SmsCodes.ATTEMPTS; i++) {
            web.post("/me/phone/verify", Map.of("code", wrong));
        }

        String spent = web.post("/me/phone/verify", Map.of("code", right)).body();
        assertThat(spent).contains("PHONE_CHANGE_CODE_EXPIRED", "点击“获取验证码”发送新的验证码", "id=\"phone-form\"")
                .doesNotContain("重新注册", "id=\"phone-verify\"");
        String english = web.post("/me/phone/verify", Map.of("code", right, "lang", "en")).body();
        assertThat(english).contains("PHONE_CHANGE_CODE_EXPIRED", "send a new code").doesNotContain("register again");
        assertThat(citizens.login(old, "Shen-Chongfa-2026")).as("the phone is unchanged")
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    @Test
    void aClosedAccountIsDeletedItsSessionsEndAndThePersonMayRegisterAgain() {
        TestCitizens.Person person = TestCitizens.register(subjects, "沈注销");
        WebClient web = signedIn(person, person.phone(), "Shen-Zhuxiao-2026");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();

        assertThat(web.post("/me/account/close", Map.of("current", "Wrong-Password-1")).body())
                .contains("CURRENT_PASSWORD_WRONG");
        assertThat(accountsOf(subject)).isOne();
        UUID lender = apiClients.issue("注销前授权系统", "丁银行", ApiClient.Kind.INSTITUTION, null,
                java.util.Set.of(cn.chengxin.shared.security.Permission.API_REPORT_QUERY), 6000).clientId();
        consents.grant(subject, lender, cn.chengxin.inquiry.domain.Purpose.LENDING, 365, false);
        assertThat(web.get("/me/account/close").body()).as("the page says so").contains("查询授权将一并撤回");

        assertThat(web.post("/me/account/close", Map.of("current", "Shen-Zhuxiao-2026"))
                .redirectsTo("/me/login?closed")).isTrue();
        assertThat(jdbc.sql("SELECT withdrawn_by FROM inquiry.consent WHERE subject_id = ?").param(subject)
                .query(String.class).list()).as("a consent the person can no longer see or withdraw ends")
                .containsExactly("closure");

        assertThat(accountsOf(subject)).as("the account row and its sealed phone are gone").isZero();
        assertThat(web.get("/me").location()).as("signed out").contains("/me/login");
        assertThat(subjects.profile(subject)).as("the credit subject stays").isPresent();
        assertThat(sent().get(0).text()).contains("已注销");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? "
                + "AND action = 'account.citizen.close' AND result = 'SUCCESS'").param(pseudonymOf(person))
                .query(Long.class).single()).isOne();

        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Shen-Zaici-2026");
        Matcher code = CODE.matcher(sent().get(0).text());
        assertThat(code.find()).isTrue();
        citizens.completeRegistration(registration, code.group(1));
        assertThat(citizens.login(person.phone(), "Shen-Zaici-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    private WebClient signedIn(TestCitizens.Person person, String phone, String password) {
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        assertThat(citizens.registerVerified(subject, phone, password)).isPresent();
        WebClient web = new WebClient(port);
        web.get("/me/login");
        assertThat(web.post("/me/login", Map.of("username", phone, "password", password)).redirectsTo("/me"))
                .isTrue();
        web.get("/me"); // the form token of the signed-in session
        return web;
    }

    private long accountsOf(UUID subject) {
        return jdbc.sql("SELECT count(*) FROM account.citizen WHERE subject_id = ?").param(subject)
                .query(Long.class).single();
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private String pseudonymOf(TestCitizens.Person person) {
        return subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
    }

    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent();
    }
}
