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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Gaps review #1, RULES.md §9: registration is real-name — the phone must be the person's own, as the real-name provider
 * knows it (the test profile's {@link DevRealNameVerifier}). Someone who knows a name and a number but not the person's
 * phone is refused before any code is texted, with the answer a wrong name gets.
 */
@IntegrationTest
class RealNameRegistrationIT {

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

    @Test
    void aPhoneThatIsNotThePersonsIsRefusedAndNothingIsTexted() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯冒名");
        String strangers = person.phone().equals("13912345678") ? "13912345679" : "13912345678";
        List<DevSmsGateway.Message> before = sent();

        AccountProblem refused = catchThrowableOfType(AccountProblem.class,
                () -> citizens.startRegistration(person.number(), person.name(), strangers, "Feng-Maoming-2026"));
        AccountProblem wrongName = catchThrowableOfType(AccountProblem.class,
                () -> citizens.startRegistration(person.number(), "冯不对", person.phone(), "Feng-Maoming-2026"));

        assertThat(refused.code()).isEqualTo("REAL_NAME_MISMATCH");
        assertThat(refused.getMessage()).as("the same answer whichever of the three was wrong")
                .isEqualTo(wrongName.getMessage());
        assertThat(sent()).as("no code texted").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM account.pending_registration WHERE subject_pseudonym = ?")
                .param(pseudonymOf(person)).query(Long.class).single()).as("nothing pending").isZero();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action = 'account.citizen.register' ORDER BY seq").param(pseudonymOf(person))
                .query(String.class).list()).first().asString().isEqualTo("reason=REAL_NAME_PHONE_NOT_OWN");
    }

    @Test
    void thePersonsOwnPhoneRegistersAndSignsIn() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯本人");
        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Feng-Benren-2026");
        citizens.completeRegistration(registration, lastCode());

        assertThat(citizens.login(person.phone(), "Feng-Benren-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /**
     * Gaps review xxvii I6: the registry keeps a name as the first department spelled it, here with the bullet (U+2022)
     * some systems put between the parts of a minority name; the person types the middle dot (U+00B7) of her card and
     * registers. Another name is still refused.
     */
    @Test
    void aNameWrittenWithAnotherMiddleDotIsTheSameName() {
        TestCitizens.Person person = TestCitizens.register(subjects, "阿依古丽\u2022买买提");
        AccountProblem other = catchThrowableOfType(AccountProblem.class, () -> citizens.startRegistration(
                person.number(), "阿依古丽\u00B7买买", person.phone(), "Ayiguli-Maimaiti-2026"));
        assertThat(other.code()).isEqualTo("REAL_NAME_MISMATCH");

        UUID registration = citizens.startRegistration(person.number(), "阿依古丽\u00B7买买提", person.phone(),
                "Ayiguli-Maimaiti-2026");
        citizens.completeRegistration(registration, lastCode());

        assertThat(citizens.login(person.phone(), "Ayiguli-Maimaiti-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /**
     * Gaps review xxvii I9: a subject a relayed message registered without a usable name is not refused for it; the
     * real-name provider's match gives the register the name the person typed, audited.
     */
    @Test
    void aProvisionalNameIsSetByTheRealNameRegistration() {
        var document = subjects.validate(DocumentType.RESIDENT_ID,
                TestCitizens.withCheckCharacter("41170219860606" + String.format("%03d", System.nanoTime() % 1000)));
        UUID subject = subjects.registerRelayed(document, "");

        citizens.startRegistration(document.number(), "冯临时", TestCitizens.phoneOf(subjects, document),
                "Feng-Linshi-2026");

        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("冯临时");
        assertThat(subjects.profile(subject).orElseThrow().nameProvisional()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'subject.name.settle' "
                + "AND subject_pseudonym = ?").param(subjects.pseudonymOf(document)).query(Long.class).single())
                .isEqualTo(1);
    }

    /**
     * Gaps review xxix K3: a person the register does not know (no records here) registers once the real-name provider
     * confirms name, number and phone, and becomes a subject with no records under the name typed. Until then the
     * answer is the one a wrong name gets, and nobody is registered.
     */
    @Test
    void anUnknownNumberRegistersOnceTheRealNameProviderConfirmsIt() {
        TestCitizens.Person known = TestCitizens.register(subjects, "冯有档");
        AccountProblem wrongName = catchThrowableOfType(AccountProblem.class,
                () -> citizens.startRegistration(known.number(), "冯不对", known.phone(), "Feng-Youdang-2026"));
        var document = subjects.validate(DocumentType.RESIDENT_ID, TestCitizens.unregisteredNumber());
        String phone = TestCitizens.phoneOf(subjects, document);
        String strangers = phone.equals("13912345678") ? "13912345679" : "13912345678";

        AccountProblem unknown = catchThrowableOfType(AccountProblem.class,
                () -> citizens.startRegistration(document.number(), "冯无档", strangers, "Feng-Wudang-2026"));
        assertThat(unknown.code()).isEqualTo("REAL_NAME_MISMATCH");
        assertThat(unknown.getMessage()).as("unknown and wrong answered alike").isEqualTo(wrongName.getMessage());
        assertThat(subjects.find(document)).as("nobody registered before the provider confirms").isEmpty();

        UUID registration = citizens.startRegistration(document.number(), "冯无档", phone, "Feng-Wudang-2026");
        citizens.completeRegistration(registration, lastCode());

        UUID subject = subjects.find(document).orElseThrow();
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("冯无档");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'subject.register.citizen' "
                + "AND subject_pseudonym = ?").param(subjects.pseudonymOf(document)).query(Long.class).single())
                .isEqualTo(1);
        assertThat(citizens.login(phone, "Feng-Wudang-2026")).isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    /** Without a provider nobody registers online: every applicant is sent to the window alike, and nothing is kept. */
    @Test
    void withoutARealNameProviderEveryApplicantIsSentToTheWindow() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯无核验");
        CitizenAccounts without = new CitizenAccounts(null, null, subjects, null, null, dispatch,
                new UnconfiguredRealNameVerifier().realNameVerifierWithoutProvider(), null, null, null,
                cn.chengxin.shared.CityPresets.find(cn.chengxin.shared.CityPresets.DEFAULT).orElseThrow());
        for (String name : List.of(person.name(), "冯不是")) {
            AccountProblem refused = catchThrowableOfType(AccountProblem.class,
                    () -> without.startRegistration(person.number(), name, person.phone(), "Feng-Wuhe-2026"));
            assertThat(refused.code()).isEqualTo("REAL_NAME_UNAVAILABLE");
        }
        assertThat(without.onlineVerificationAvailable()).isFalse();
    }

    /** The development page tells a demo user a resident's synthetic phone, never showing the number typed. */
    @Test
    void theDevelopmentPageTellsTheSyntheticPhone() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯查号");
        WebClient web = new WebClient(port);
        assertThat(web.get("/dev/sms").body()).contains("合成居民的测试手机号码");

        WebClient.Page page = web.post("/dev/sms/phone", Map.of("number", person.number()));

        assertThat(page.body()).contains(person.phone(), "冯*").doesNotContain(person.number());
    }

    private String pseudonymOf(TestCitizens.Person person) {
        return subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
    }

    private String lastCode() {
        Matcher code = CODE.matcher(sent().get(0).text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent();
    }
}
