package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcPendingRegistrations;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A registration waiting for its SMS code is kept in the database (V141): another instance, or this one after a
 * restart (a new {@link CitizenAccounts} reading the same store), completes it; its wrong codes count wherever they
 * are typed; it holds no identity number; and once expired it is deleted.
 */
@IntegrationTest
class PendingRegistrationsIT {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    JdbcPendingRegistrations pending;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    ElectronicServiceAgreements eservice;

    @Autowired
    RealNameVerifier verifier;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aRegistrationStartedBeforeARestartIsCompletedAfterIt() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱重启");
        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Qian-Chongqi-2026");
        String code = lastCode();

        CitizenAccounts restarted = instance(clock);
        restarted.completeRegistration(registration, code);

        assertThat(citizens.login(person.phone(), "Qian-Chongqi-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        assertThat(count(registration)).as("completed, it is gone").isZero();
    }

    @Test
    void theStoredRegistrationHoldsNoIdentityNumberNorAnUnkeyedCode() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱存储");
        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Qian-Cunchu-2026");
        String code = lastCode();

        Map<String, Object> row = jdbc.sql("SELECT * FROM account.pending_registration WHERE id = ?")
                .param(registration).query().singleRow();
        String stored = row.values().stream().map(v -> v instanceof byte[] b ? new String(b,
                java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(v)).reduce("", String::concat);
        assertThat(stored).doesNotContain(person.number()).doesNotContain(person.number().substring(6, 14))
                .doesNotContain(person.phone()).doesNotContain(person.name()).doesNotContain(code);
        assertThat(row.get("code_hash")).isNotEqualTo(sha256Hex(code));
    }

    @Test
    void wrongCodesCountWhereverTheyAreTyped() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱猜码");
        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Qian-Caima-2026");
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            CitizenAccounts instance = i % 2 == 0 ? citizens : instance(clock);
            AccountProblem refused = catchThrowableOfType(AccountProblem.class,
                    () -> instance.completeRegistration(registration, wrong));
            assertThat(refused.code()).isEqualTo("CODE_WRONG");
        }
        AccountProblem spent = catchThrowableOfType(AccountProblem.class,
                () -> citizens.completeRegistration(registration, code));
        assertThat(spent.code()).as("five wrong codes spend the registration").isEqualTo("CODE_EXPIRED");
    }

    @Test
    void theResendLimitHoldsAcrossInstances() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱重发");
        citizens.startRegistration(person.number(), person.name(), person.phone(), "Qian-Chongfa-2026");

        AccountProblem again = catchThrowableOfType(AccountProblem.class, () -> instance(clock)
                .startRegistration(person.number(), person.name(), person.phone(), "Qian-Chongfa-2026"));
        assertThat(again.code()).isEqualTo("SMS_TOO_FREQUENT");
    }

    @Test
    void expiredRegistrationsAreDeleted() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱过期");
        UUID registration = instance(Clock.offset(clock, Duration.ofMinutes(-6).minus(
                CitizenAccounts.KEPT_AFTER_EXPIRY)))
                .startRegistration(person.number(), person.name(), person.phone(), "Qian-Guoqi-2026");
        TestCitizens.Person lately = TestCitizens.register(subjects, "钱刚过期");
        UUID justExpired = instance(Clock.offset(clock, Duration.ofMinutes(-6)))
                .startRegistration(lately.number(), lately.name(), lately.phone(), "Qian-Gangguoqi-2026");
        TestCitizens.Person waiting = TestCitizens.register(subjects, "钱等待");
        UUID current = citizens.startRegistration(waiting.number(), waiting.name(), waiting.phone(),
                "Qian-Dengdai-2026");

        assertThat(citizens.removeExpiredRegistrations()).isGreaterThanOrEqualTo(1);

        assertThat(count(registration)).isZero();
        assertThat(count(current)).as("one still within its five minutes stays").isOne();
        assertThat(count(justExpired)).as("one expired a minute ago is kept for a new code (O6)").isOne();
    }

    /**
     * Gaps review xxxv O6: a code that expired is replaced from the code page — a new text to the same phone, with
     * fresh attempts — and the registration completes with it, nothing typed again; the old code no longer counts.
     */
    @Test
    void anExpiredCodeIsReplacedByANewTextAndTheRegistrationCompletesWithIt() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱再发");
        UUID registration = instance(Clock.offset(clock, Duration.ofMinutes(-6)))
                .startRegistration(person.number(), person.name(), person.phone(), "Qian-Zaifa-2026");
        String expired = codeTo(person);
        assertThat(catchThrowableOfType(AccountProblem.class,
                () -> citizens.completeRegistration(registration, expired)).code()).isEqualTo("CODE_EXPIRED");
        assertThat(citizens.registrationCode(registration)).hasValueSatisfying(state -> {
            assertThat(state.answerable()).isFalse();
            assertThat(state.resendWait()).isZero();
        });

        citizens.resendRegistrationCode(registration);

        String fresh = codeTo(person);
        assertThat(texts(person)).as("a second text to the same phone").hasSize(2);
        assertThat(citizens.registrationCode(registration)).hasValueSatisfying(state -> {
            assertThat(state.answerable()).isTrue();
            assertThat(state.expiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(4)));
            assertThat(state.resendWait()).isPositive();
        });
        if (!fresh.equals(expired)) {
            assertThat(catchThrowableOfType(AccountProblem.class,
                    () -> citizens.completeRegistration(registration, expired)).code()).isEqualTo("CODE_WRONG");
        }
        citizens.completeRegistration(registration, fresh);
        assertThat(citizens.login(person.phone(), "Qian-Zaifa-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.event WHERE action = 'account.citizen.register'
                        AND detail = 'reason=REGISTRATION_CODE_RESENT' AND subject_pseudonym = ?""")
                .param(subjects.pseudonymOf(subjects.validate(cn.chengxin.subject.domain.DocumentType.RESIDENT_ID,
                        person.number()))).query(Long.class).single()).isOne();
    }

    /** O6: a new code within a minute of the last text to the phone is refused, saying how long to wait. */
    @Test
    void aNewCodeWithinAMinuteOfTheLastIsRefusedWithTheWait() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱太快");
        UUID registration = instance(Clock.offset(clock, Duration.ofSeconds(-20)))
                .startRegistration(person.number(), person.name(), person.phone(), "Qian-Taikuai-2026");
        codeTo(person);

        CitizenAccounts.TextTooSoon refused = catchThrowableOfType(CitizenAccounts.TextTooSoon.class,
                () -> citizens.resendRegistrationCode(registration));

        assertThat(refused.code()).isEqualTo("SMS_TOO_FREQUENT");
        assertThat(refused.waitSeconds()).isBetween(1L, 41L);
        assertThat(refused.getMessage()).contains(refused.waitSeconds() + " 秒后再试");
        assertThat(texts(person)).as("no second text").hasSize(1);
        assertThat(catchThrowableOfType(AccountProblem.class,
                () -> citizens.resendRegistrationCode(UUID.randomUUID())).code()).isEqualTo("REGISTRATION_EXPIRED");
    }

    /** The registration texts sent to the person's phone, newest first. */
    private List<DevSmsGateway.Message> texts(TestCitizens.Person person) {
        String masked = DevSmsGateway.maskPhone(person.phone());
        return sent().stream().filter(m -> m.maskedPhone().equals(masked) && m.text().contains("实名注册验证码"))
                .toList();
    }

    private String codeTo(TestCitizens.Person person) {
        Matcher code = CODE.matcher(texts(person).get(0).text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** The code is texted on another thread: the answer does not wait for a slow provider (timing, RULES.md §10). */
    @Test
    void theCodeIsTextedOffTheRequestThreadAndTheAnswerDoesNotWaitForTheProvider() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱慢短信");
        try (HeldSmsGateway provider = new HeldSmsGateway()) {
            SmsDispatch slow = new SmsDispatch(provider, 1, 10, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
            try {
                CitizenAccounts held = new CitizenAccounts(accounts, pending, subjects, protection, passwords, slow,
                        verifier, eservice, audit, clock, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
                long started = System.nanoTime();
                UUID registration = held.startRegistration(person.number(), person.name(), person.phone(),
                        "Qian-Manduan-2026");
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(took).as("answered while the provider still holds the text").isLessThan(Duration.ofSeconds(10));
                assertThat(provider.called()).isTrue();
                assertThat(provider.texts()).as("still held by the provider").isEmpty();
                assertThat(provider.threads()).singleElement().asString().startsWith("sms-")
                        .isNotEqualTo(Thread.currentThread().getName());
                assertThat(count(registration)).isOne();
            } finally {
                provider.release();
                slow.destroy();
            }
        }
    }

    /** Without an SMS provider every applicant is told so alike, and nothing is stored. */
    @Test
    void withoutAnSmsProviderEveryApplicantIsToldSoAndNothingIsStored() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱无短信");
        SmsDispatch none = new SmsDispatch(new UnconfiguredSmsGateway().smsGatewayWithoutProvider(), 1, 1, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
        try {
            CitizenAccounts without = new CitizenAccounts(accounts, pending, subjects, protection, passwords, none,
                    verifier, eservice, audit, clock, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
            for (String name : List.of(person.name(), "不是本人")) {
                assertThatThrownBy(() -> without.startRegistration(person.number(), name, person.phone(),
                        "Qian-Wuduanxin-2026"))
                        .isInstanceOfSatisfying(AccountProblem.class,
                                p -> assertThat(p.code()).isEqualTo("SMS_UNAVAILABLE"));
            }
            assertThat(jdbc.sql("SELECT count(*) FROM account.pending_registration WHERE subject_pseudonym = ?")
                    .param(subjects.pseudonymOf(subjects.validate(
                            cn.chengxin.subject.domain.DocumentType.RESIDENT_ID, person.number())))
                    .query(Long.class).single()).as("nothing stored").isZero();
        } finally {
            none.destroy();
        }
    }

    /**
     * Another instance of the service over the same store, as after a restart or on a second server. Not a Spring proxy:
     * each statement commits on its own, as the service's own transaction would commit it.
     */
    /**
     * Another instance's CitizenAccounts, with the transactions its bean has (its methods hold the subject joins' lock
     * in the caller's transaction, and count wrong codes though they refuse: noRollbackFor).
     */
    private CitizenAccounts instance(Clock at) {
        org.springframework.aop.framework.ProxyFactory proxy = new org.springframework.aop.framework.ProxyFactory(
                new CitizenAccounts(accounts, pending, subjects, protection, passwords, dispatch, verifier, eservice,
                        audit, at, cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT)
                                .orElseThrow()));
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new org.springframework.transaction.interceptor.TransactionInterceptor(transactions,
                new org.springframework.transaction.annotation.AnnotationTransactionAttributeSource()));
        return (CitizenAccounts) proxy.getProxy();
    }

    private String lastCode() {
        Matcher code = CODE.matcher(sent().get(0).text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private long count(UUID registration) {
        return jdbc.sql("SELECT count(*) FROM account.pending_registration WHERE id = ?").param(registration)
                .query(Long.class).single();
    }

    private static String sha256Hex(String text) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts sent so far, once those handed over to be sent off the request thread are (SmsDispatch). */
    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent();
    }
}
