package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcPendingRecoveries;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 找回密码 (issue #3): the citizen gives number and name, the code goes to the phone on file, the right code sets a
 * new password and ends every session of the citizen; wrong, spent, used and expired codes are refused; and the answer
 * to a request is the same page whether the number has an account or not.
 */
@IntegrationTest
class CitizenPasswordRecoveryIT {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final Pattern RECOVERY = Pattern.compile("name=\"recovery\" value=\"([0-9a-f-]+)\"");
    private static final String SENT = "若信息无误，验证码已发送至登记手机";

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    CitizenPasswordRecovery recovery;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    JdbcPendingRecoveries pending;

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    CitizenPasswordRules rules;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void theCodeSentToThePhoneOnFileSetsANewPasswordAndEndsEverySession() {
        TestCitizens.Person person = withAccount("冯找回", "Feng-Zhaohui-2026");
        WebClient signedIn = new WebClient(port);
        signedIn.get("/me/login");
        assertThat(signedIn.post("/me/login", Map.of("username", person.phone(), "password", "Feng-Zhaohui-2026"))
                .redirectsTo("/me")).isTrue();
        assertThat(signedIn.get("/me").status()).isEqualTo(200);

        WebClient web = new WebClient(port);
        assertThat(web.get("/me/login").body()).contains("href=\"/me/recover\"", "忘记密码？");
        web.get("/me/recover");
        WebClient.Page verify = web.post("/me/recover", Map.of("documentType", "RESIDENT_ID",
                "number", person.number(), "name", person.name()));
        assertThat(verify.body()).contains(SENT).doesNotContain(person.number()).doesNotContain(person.phone());
        DevSmsGateway.Message text = sent().get(0);
        assertThat(text.maskedPhone()).as("the phone on file")
                .isEqualTo(person.phone().substring(0, 3) + "****" + person.phone().substring(7));
        String code = code(text);

        WebClient.Page done = web.post("/me/recover/verify", Map.of("recovery", recoveryOf(verify), "code", code,
                "password", "Feng-Xinmima-2026", "repeated", "Feng-Xinmima-2026"));

        assertThat(done.redirectsTo("/me/login?recovered")).as(done.toString()).isTrue();
        assertThat(web.follow(done).body()).contains("密码已重设");
        assertThat(signedIn.get("/me").redirectsTo("/me/login")).as("the session signed in before has ended")
                .isTrue();
        assertThat(citizens.login(person.phone(), "Feng-Zhaohui-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        assertThat(citizens.login(person.phone(), "Feng-Xinmima-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.citizen.recover' "
                + "AND subject_pseudonym = ? AND result = 'SUCCESS'").param(pseudonymOf(person)).query(Long.class)
                .single()).as("code sent, password set").isEqualTo(2);
    }

    /**
     * An unknown number, a wrong name and a locked account get the very page a known number gets, the recovery id and
     * the form token aside; no code goes out for the first two.
     */
    @Test
    void theAnswerIsTheSameWhetherOrNotTheNumberHasAnAccount() {
        TestCitizens.Person known = withAccount("冯已知", "Feng-Yizhi-2026");
        TestCitizens.Person locked = withAccount("冯已锁", "Feng-Yisuo-2026");
        for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
            citizens.login(locked.phone(), "Wrong-Guess-" + i);
        }
        assertThat(citizens.login(locked.phone(), "Feng-Yisuo-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Locked.class);
        TestCitizens.Person unknown = TestCitizens.register(subjects, "冯无号");
        TestCitizens.Person misnamed = withAccount("冯真名", "Feng-Zhenming-2026");

        String forKnown = answer(known.number(), known.name());
        var sentBefore = sent();
        String forUnknown = answer(unknown.number(), unknown.name());
        String forWrongName = answer(misnamed.number(), "冯假名");
        assertThat(sent()).as("no code for an unknown number or a wrong name").isEqualTo(sentBefore);
        String forLocked = answer(locked.number(), locked.name());

        assertThat(forKnown).contains(SENT);
        assertThat(forUnknown).isEqualTo(forKnown);
        assertThat(forWrongName).isEqualTo(forKnown);
        assertThat(forLocked).isEqualTo(forKnown);
    }

    /**
     * Gaps review xxvii I6: the name the registry keeps with the bullet (U+2022) is the name typed with the middle dot
     * (U+00B7): the code goes out. Another name gets none.
     */
    @Test
    void aNameWrittenWithAnotherMiddleDotIsTheHoldersName() {
        TestCitizens.Person person = withAccount("帕提古丽\u2022吐尔逊", "Patiguli-Tuerxun-2026");
        var before = sent();
        // Two minutes ago: one request a minute per number (RecoveryRequests).
        instance(Clock.offset(clock, Duration.ofMinutes(-2))).start(null, person.number(), "帕提古丽\u00B7吐尔");
        assertThat(sent()).as("no code for another name").isEqualTo(before);

        UUID id = recovery.start(null, person.number(), "帕提古丽\u00B7吐尔逊");
        recovery.complete(id, code(sent().get(0)), "Patiguli-Xinmima-2026", "Patiguli-Xinmima-2026");

        assertThat(citizens.login(person.phone(), "Patiguli-Xinmima-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /** Wrong codes are refused and counted: after five, even the right code is refused, as registration's are. */
    @Test
    void wrongCodesAreRefusedAndFiveSpendTheRecovery() {
        TestCitizens.Person person = withAccount("冯猜码", "Feng-Caima-2026");
        UUID id = recovery.start(null, person.number(), person.name());
        String code = code(sent().get(0));
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            assertThat(refusal(() -> recovery.complete(id, wrong, "Feng-Xinmima-2026", "Feng-Xinmima-2026")))
                    .isEqualTo("CODE_WRONG");
        }
        assertThat(refusal(() -> recovery.complete(id, code, "Feng-Xinmima-2026", "Feng-Xinmima-2026")))
                .isEqualTo("RECOVERY_EXPIRED");
        assertThat(citizens.login(person.phone(), "Feng-Caima-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /** A wrong code typed on the page shows the code page again, its refusal in the reader's language. */
    @Test
    void aWrongCodeOnThePageIsSaidInTheReadersLanguage() throws Exception {
        TestCitizens.Person person = withAccount("冯错码", "Feng-Cuoma-2026");
        UUID id = recovery.start(null, person.number(), person.name());
        String wrong = code(sent().get(0)).equals("000000") ? "111111" : "000000";
        for (java.util.Locale locale : List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
            mvc.perform(post("/me/recover/verify").with(csrf()).param("lang", locale.toLanguageTag())
                            .param("recovery", id.toString()).param("code", wrong).param("password", "Feng-Xinmima-2026")
                            .param("repeated", "Feng-Xinmima-2026"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"recovery\" value=\"" + id + "\"")))
                    .andExpect(content().string(containsString(locale == java.util.Locale.ENGLISH
                            ? "The SMS code is wrong" : "验证码不正确")));
        }
        mvc.perform(post("/me/recover/verify").with(csrf()).param("recovery", UUID.randomUUID().toString())
                        .param("code", wrong).param("password", "Feng-Xinmima-2026")
                        .param("repeated", "Feng-Xinmima-2026"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("RECOVERY_EXPIRED")))
                .andExpect(content().string(containsString("name=\"number\"")));
    }

    /** A code sets a password once; a code past its five minutes sets none. */
    @Test
    void aUsedOrExpiredCodeIsRefused() {
        TestCitizens.Person person = withAccount("冯用过", "Feng-Yongguo-2026");
        UUID id = recovery.start(null, person.number(), person.name());
        String code = code(sent().get(0));
        recovery.complete(id, code, "Feng-Diyici-2026", "Feng-Diyici-2026");
        assertThat(refusal(() -> recovery.complete(id, code, "Feng-Dierci-2026", "Feng-Dierci-2026")))
                .isEqualTo("RECOVERY_EXPIRED");
        assertThat(citizens.login(person.phone(), "Feng-Diyici-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);

        TestCitizens.Person late = withAccount("冯过期", "Feng-Guoqi-2026");
        UUID old = instance(Clock.offset(clock, Duration.ofMinutes(-6))).start(null, late.number(), late.name());
        String oldCode = code(sent().get(0));
        assertThat(refusal(() -> recovery.complete(old, oldCode, "Feng-Xinmima-2026", "Feng-Xinmima-2026")))
                .isEqualTo("RECOVERY_EXPIRED");
    }

    /** The new password follows registration's rules, checked against the phone on file; a refusal spends no try. */
    @Test
    void theNewPasswordFollowsTheRulesAndTheCodeStaysUsable() {
        TestCitizens.Person person = withAccount("冯规则", "Feng-Guize-2026");
        UUID id = recovery.start(null, person.number(), person.name());
        String code = code(sent().get(0));

        assertThat(refusal(() -> recovery.complete(id, code, "short", "short"))).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(refusal(() -> recovery.complete(id, code, "Feng-Guize-2027", "Feng-Guize-2028")))
                .isEqualTo("PASSWORDS_DIFFER");
        assertThat(refusal(() -> recovery.complete(id, code, "Ab!" + person.phone(), "Ab!" + person.phone())))
                .isEqualTo("PASSWORD_CONTAINS_USERNAME");
        recovery.complete(id, code, "Feng-Guize-2027", "Feng-Guize-2027");
        assertThat(citizens.login(person.phone(), "Feng-Guize-2027"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /** One code a minute per number, known or not: a limit that bit only known numbers would tell them apart. */
    @Test
    void codesForOneNumberAreLimitedWhetherOrNotItHasAnAccount() {
        TestCitizens.Person person = withAccount("冯频繁", "Feng-Pinfan-2026");
        TestCitizens.Person unknown = TestCitizens.register(subjects, "冯无户");
        for (TestCitizens.Person p : List.of(person, unknown)) {
            recovery.start(null, p.number(), p.name());
            assertThat(refusal(() -> recovery.start(null, p.number(), p.name()))).isEqualTo("SMS_TOO_FREQUENT");
        }
    }

    private String answer(String number, String name) {
        WebClient web = new WebClient(port);
        web.get("/me/recover");
        String body = web.post("/me/recover", Map.of("number", number, "name", name)).body();
        // The site-wide demo banner follows whether another test has seeded demo data by now, not this answer.
        return body.replaceAll("<div class=\"synthetic-notice\"[^<]*</div>", "")
                .replaceAll("name=\"recovery\" value=\"[0-9a-f-]+\"", "")
                .replaceAll("name=\"_csrf\"[^>]*", "").replaceAll("<meta name=\"_csrf\"[^>]*>", "");
    }

    /**
     * A code goes out only when the number has an account: waiting for the provider on the request thread would make
     * that answer slower than an unknown number's, and so tell that the number has an account. The code is texted on
     * another thread, and the answer does not wait for a slow provider.
     */
    @Test
    void theCodeIsTextedOffTheRequestThreadAndTheAnswerDoesNotWaitForTheProvider() throws Exception {
        TestCitizens.Person person = withAccount("冯慢短信", "Feng-Manduan-2026");
        try (HeldSmsGateway provider = new HeldSmsGateway()) {
            SmsDispatch slow = new SmsDispatch(provider, 1, 10, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
            try {
                CitizenPasswordRecovery held = new CitizenPasswordRecovery(accounts, pending, subjects, protection, rules,
                        passwords, slow, audit, clock);
                long started = System.nanoTime();
                UUID id = held.start("RESIDENT_ID", person.number(), person.name());
                java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);

                assertThat(took).as("answered while the provider still holds the text")
                        .isLessThan(java.time.Duration.ofSeconds(10));
                assertThat(provider.called()).as("the code is handed to the provider").isTrue();
                assertThat(provider.texts()).as("still held by the provider").isEmpty();
                assertThat(provider.threads()).singleElement().asString().startsWith("sms-")
                        .isNotEqualTo(Thread.currentThread().getName());
                provider.release();
                assertThat(slow.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
                assertThat(provider.texts()).singleElement().asString().contains("验证码为");
                assertThat(pending.lock(id)).as("the recovery was taken").isPresent();
            } finally {
                provider.release();
                slow.destroy();
            }
        }
    }

    /**
     * Without an SMS provider no code can be sent: every request is told so alike — an account holder's, a number with
     * no account, a malformed number — and nothing is stored, rather than answered as if a code had gone out.
     */
    @Test
    void withoutAnSmsProviderEveryNumberIsToldSoAndNothingIsStored() throws Exception {
        TestCitizens.Person holder = withAccount("冯无短信", "Feng-Wuduanxin-2026");
        TestCitizens.Person stranger = TestCitizens.register(subjects, "冯无账户");
        SmsDispatch none = new SmsDispatch(new UnconfiguredSmsGateway().smsGatewayWithoutProvider(), 1, 1, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
        try {
            CitizenPasswordRecovery without = new CitizenPasswordRecovery(accounts, pending, subjects, protection, rules,
                    passwords, none, audit, clock);
            List<AccountProblem> answers = List.of(
                    catchThrowableOfType(AccountProblem.class,
                            () -> without.start("RESIDENT_ID", holder.number(), holder.name())),
                    catchThrowableOfType(AccountProblem.class,
                            () -> without.start("RESIDENT_ID", stranger.number(), stranger.name())),
                    catchThrowableOfType(AccountProblem.class, () -> without.start("RESIDENT_ID", "123", "某人")));

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.code()).isEqualTo("SMS_UNAVAILABLE");
                assertThat(answer.getMessage()).isEqualTo(answers.get(0).getMessage()).contains("信用办");
            });
            assertThat(jdbc.sql("SELECT count(*) FROM account.pending_recovery WHERE number_pseudonym IN (?, ?)")
                    .params(pseudonymOf(holder), pseudonymOf(stranger)).query(Long.class).single())
                    .as("nothing stored").isZero();
        } finally {
            none.destroy();
        }
    }

    private TestCitizens.Person withAccount(String name, String password) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        assertThat(citizens.registerVerified(subject, person.phone(), password)).isPresent();
        return person;
    }

    private String pseudonymOf(TestCitizens.Person person) {
        return subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
    }

    private CitizenPasswordRecovery instance(Clock at) {
        return new CitizenPasswordRecovery(accounts, pending, subjects, protection, rules, passwords, dispatch, audit, at);
    }

    private static String recoveryOf(WebClient.Page page) {
        Matcher recovery = RECOVERY.matcher(page.body());
        assertThat(recovery.find()).as(page.body()).isTrue();
        return recovery.group(1);
    }

    private static String code(DevSmsGateway.Message message) {
        Matcher code = CODE.matcher(message.text());
        assertThat(code.find()).as(message.text()).isTrue();
        return code.group(1);
    }

    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        AccountProblem refused = catchThrowableOfType(AccountProblem.class, call);
        assertThat(refused).as("refused").isNotNull();
        return refused.code();
    }

    /** The texts sent so far, once those handed over to be sent off the request thread are (SmsDispatch). */
    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent();
    }
}
