package cn.chengxin.account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.domain.SmsCodes;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.Statements;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Gaps review #1: an account registered with someone else's name and number (before registration checked the phone) is
 * unbound by the credit office once the person proved their identity at the window — by two people, one proposing and
 * another approving, audited, the account's phone told — and the person then registers with their own phone. Gaps
 * review xxix K4: a person whose number changed and who forgot the password has their new phone bound to the same
 * account at the window, by two people, with what the account chose for them kept.
 */
@IntegrationTest
class CitizenAccountDeskIT {

    private static final Pattern PROPOSE = Pattern.compile("/console/citizen-accounts/([0-9a-f-]{36})/propose");
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @Autowired
    MockMvc mvc;

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
    CitizenPasswordRecovery recovery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Consents consents;

    @Autowired
    Statements statements;

    private final RequestPostProcessor maker = authentication(Principals.staff("window-maker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_CITIZEN_MANAGE));
    private final RequestPostProcessor checker = authentication(Principals.staff("window-checker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_CITIZEN_MANAGE));

    @Test
    void unbindingByTwoPeopleFreesTheNumberForThePerson() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋被占");
        String squatters = "13712340000".equals(person.phone()) ? "13712340001" : "13712340000";
        squat(person, squatters, "Squatter-Pass-2026");

        UUID account = find(person);
        mvc.perform(post("/console/citizen-accounts/{id}/propose", account).param("action", "UNBIND")
                        .param("reason", "本人持居民身份证原件到窗口核验，确认该账号非本人注册").with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/citizen-accounts"))
                .andExpect(flash().attribute("successKey", "console.citizenAccounts.proposed"));
        assertThat(citizens.login(squatters, "Squatter-Pass-2026")).as("nothing changes before the approval")
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        UUID proposal = pendingProposalOf(account);

        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", proposal).with(checker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.citizenAccounts.approved"));

        assertThat(jdbc.sql("SELECT count(*) FROM account.citizen WHERE id = ?").param(account).query(Long.class)
                .single()).as("the account and its sealed phone are gone").isZero();
        assertThat(citizens.login(squatters, "Squatter-Pass-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        List<DevSmsGateway.Message> sent = sent();
        assertThat(sent.get(0).maskedPhone()).isEqualTo(squatters.substring(0, 3) + "****" + squatters.substring(7));
        assertThat(sent.get(0).text()).contains("解除绑定");
        assertThat(jdbc.sql("SELECT actor_name FROM audit.event WHERE subject_pseudonym = ? AND action IN "
                        + "('account.citizen.lookup', 'account.citizen.propose', 'account.citizen.approve') "
                        + "ORDER BY seq").param(pseudonymOf(person)).query(String.class).list())
                .containsExactly("window-maker", "window-maker", "window-checker");

        UUID registration = citizens.startRegistration(person.number(), person.name(), person.phone(),
                "Jiang-Benren-2026");
        citizens.completeRegistration(registration, lastCode());
        assertThat(citizens.login(person.phone(), "Jiang-Benren-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    @Test
    void oneStaffMemberCannotApproveTheirOwnProposal() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋自审");
        String squatters = "13712340002".equals(person.phone()) ? "13712340003" : "13712340002";
        squat(person, squatters, "Squatter-Pass-2026");
        UUID account = find(person);
        mvc.perform(post("/console/citizen-accounts/{id}/propose", account).param("action", "UNBIND")
                .param("reason", "本人到窗口核验身份").with(maker).with(csrf()));
        UUID proposal = pendingProposalOf(account);

        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", proposal).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "CITIZEN_ACCOUNT_SELF_REVIEW"));
        mvc.perform(post("/console/citizen-accounts/proposals/{id}/reject", proposal).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "CITIZEN_ACCOUNT_SELF_REVIEW"));

        assertThat(jdbc.sql("SELECT count(*) FROM account.citizen WHERE id = ?").param(account).query(Long.class)
                .single()).as("still there").isOne();
        assertThat(jdbc.sql("SELECT status FROM account.citizen_account_proposal WHERE id = ?").param(proposal)
                .query(String.class).single()).isEqualTo("PENDING");
        String own = page(maker);
        String row = own.substring(own.indexOf("data-proposal=\"" + proposal + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-field=\"own-proposal\"")
                .doesNotContain("/approve");
        assertThat(page(checker)).contains("/console/citizen-accounts/proposals/" + proposal + "/approve");
    }

    /** A suspended account signs in no more, even with its password, until another proposal resumes it. */
    @Test
    void aSuspendedAccountCannotSignIn() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋暂停");
        String squatters = "13712340004".equals(person.phone()) ? "13712340005" : "13712340004";
        squat(person, squatters, "Squatter-Pass-2026");
        UUID account = find(person);
        mvc.perform(post("/console/citizen-accounts/{id}/propose", account).param("action", "SUSPEND")
                .param("reason", "本人到窗口反映账号非本人注册，核查期间暂停").with(maker).with(csrf()));
        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", pendingProposalOf(account))
                .with(checker).with(csrf())).andExpect(flash().attribute("successKey",
                "console.citizenAccounts.approved"));

        assertThat(citizens.login(squatters, "Squatter-Pass-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        assertThat(sent().get(0).text()).contains("暂停使用");

        // 找回密码 answers as always, and the phone on file is told why no code comes.
        assertThat(sent().get(0).text()).doesNotContain("找回密码");
        recovery.start(null, person.number(), person.name());
        assertThat(sent().get(0).text()).contains("找回密码", "暂停使用", "窗口").doesNotContain("验证码");
    }

    @Test
    void aChangedPhoneIsBoundByTwoPeopleAndTheAccountKeepsWhatItChose() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋换号");
        String old = "13712340006".equals(person.phone()) ? "13712340007" : "13712340006";
        // The person's own account, registered when the old number was theirs.
        squat(person, old, "Jiang-Old-Pass-2026");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID lender = apiClients.issue("换号贷款系统", "丁银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000).clientId();
        consents.grant(subject, lender, Purpose.LENDING, 365, false);
        statements.add(subject, null, "本人所写的声明");
        UUID account = find(person);

        MockHttpServletResponse started = mvc.perform(post("/console/citizen-accounts/{id}/rebind", account)
                        .param("phone", person.phone()).param("reason", "本人持居民身份证原件到窗口，原号码已停用，忘记密码")
                        .with(maker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse();
        // The new phone waits in the clerk's session.
        Cookie[] session = started.getCookies();
        assertThat(session).isNotEmpty();
        String sentPage = started.getContentAsString();
        assertThat(sentPage).contains("data-form=\"rebind-verify\"", masked(person.phone()))
                .doesNotContain(person.phone()).doesNotContain(person.number());
        assertThat(sent().get(0).maskedPhone()).as("the code goes to the new phone").isEqualTo(masked(person.phone()));
        assertThat(sent().get(0).text()).contains("窗口");
        mvc.perform(post("/console/citizen-accounts/{id}/rebind/verify", account).param("code", lastCode())
                        .cookie(session).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/citizen-accounts"))
                .andExpect(flash().attribute("successKey", "console.citizenAccounts.proposed"));
        UUID proposal = pendingProposalOf(account);
        assertThat(jdbc.sql("SELECT action FROM account.citizen_account_proposal WHERE id = ?").param(proposal)
                .query(String.class).single()).isEqualTo("REBIND_PHONE");
        assertThat(citizens.login(old, "Jiang-Old-Pass-2026")).as("nothing changes before the approval")
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        String checkers = page(checker);
        String row = checkers.substring(checkers.indexOf("data-proposal=\"" + proposal + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(masked(person.phone()))
                .doesNotContain(person.phone());

        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", proposal).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "CITIZEN_ACCOUNT_SELF_REVIEW"));
        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", proposal).with(checker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.citizenAccounts.approved"));

        assertThat(jdbc.sql("SELECT phone_masked FROM account.citizen WHERE id = ?").param(account)
                .query(String.class).single()).as("the same account, the new phone").isEqualTo(masked(person.phone()));
        assertThat(jdbc.sql("SELECT phone_cipher IS NULL FROM account.citizen_account_proposal WHERE id = ?")
                .param(proposal).query(Boolean.class).single()).as("the decided proposal keeps no sealed phone").isTrue();
        assertThat(citizens.login(old, "Jiang-Old-Pass-2026")).isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        List<DevSmsGateway.Message> told = sent();
        assertThat(told).filteredOn(m -> m.maskedPhone().equals(masked(old))).first()
                .satisfies(m -> assertThat(m.text()).contains("更换为 " + masked(person.phone())));
        // Other tests' background notices share the gateway, so each text is found by its phone, not its place.
        assertThat(told).filteredOn(m -> m.maskedPhone().equals(masked(person.phone()))).first()
                .satisfies(m -> assertThat(m.text()).as("the city's credit office by name (gaps review xliii X5)")
                        .contains("已由驻马店市信用办绑定"));

        // 找回密码 now reaches the person.
        recovery.start(null, person.number(), person.name());
        assertThat(sent()).filteredOn(m -> m.maskedPhone().equals(masked(person.phone()))).first()
                .satisfies(m -> assertThat(m.text()).contains("验证码").doesNotContain("信用办绑定"));

        // What the account chose for the person stays: nothing is set aside as after unbinding.
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.consent WHERE subject_id = ? AND withdrawn_at IS NULL")
                .param(subject).query(Long.class).single()).as("the consent stays in force").isOne();
        assertThat(statements.of(subject)).extracting(s -> s.text()).containsExactly("本人所写的声明");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? AND action LIKE '%.unbind'")
                .param(pseudonymOf(person)).query(Long.class).single()).isZero();
    }

    @Test
    void aPhoneNotInThePersonsNameOrAWrongCodeIsRefusedAtTheWindow() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋他号");
        String old = "13712340008".equals(person.phone()) ? "13712340009" : "13712340008";
        String strangers = "13912340008".equals(person.phone()) ? "13912340009" : "13912340008";
        squat(person, old, "Jiang-Old-Pass-2026");
        UUID account = find(person);

        String refused = mvc.perform(post("/console/citizen-accounts/{id}/rebind", account).param("phone", strangers)
                        .param("reason", "本人到窗口，称原号码已停用").with(maker).with(csrf()))
                .andExpect(status().is4xxClientError()).andExpect(view().name("console/citizen-accounts"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("REAL_NAME_MISMATCH", "data-form=\"rebind\"")
                .doesNotContain("data-form=\"rebind-verify\"").doesNotContain(strangers);
        assertThat(sent()).noneMatch(m -> m.maskedPhone().equals(masked(strangers)));

        Cookie[] session = mvc.perform(post("/console/citizen-accounts/{id}/rebind", account)
                        .param("phone", person.phone()).param("reason", "本人到窗口，称原号码已停用").with(maker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getCookies();
        String wrong = lastCode().equals("000000") ? "111111" : "000000";
        String again = mvc.perform(post("/console/citizen-accounts/{id}/rebind/verify", account).param("code", wrong)
                        .cookie(session).with(maker).with(csrf()))
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("CODE_WRONG", "data-form=\"rebind-verify\"");
        for (int i = 1; i < SmsCodes.ATTEMPTS; i++) {
            mvc.perform(post("/console/citizen-accounts/{id}/rebind/verify", account).param("code", wrong)
                    .cookie(session).with(maker).with(csrf())).andExpect(status().is4xxClientError());
        }
        // The code spent, the window is told to send a new one, not to register again, and is shown the form for it.
        String spent = mvc.perform(post("/console/citizen-accounts/{id}/rebind/verify", account).param("code", lastCode())
                        .cookie(session).with(maker).with(csrf()))
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(spent).contains("CITIZEN_ACCOUNT_REBIND_CODE_EXPIRED", "请重新填写本人的新号码",
                "data-form=\"rebind\"").doesNotContain("data-form=\"rebind-verify\"");
        String english = mvc.perform(post("/console/citizen-accounts/{id}/rebind/verify", account).param("code", "")
                        .param("lang", "en").cookie(session).with(maker).with(csrf()))
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("send a new code").doesNotContain("register again");
        mvc.perform(post("/console/citizen-accounts/{id}/propose", account).param("action", "REBIND_PHONE")
                        .param("reason", "本人到窗口").with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "CITIZEN_ACCOUNT_PHONE_REQUIRED"));

        assertThat(jdbc.sql("SELECT count(*) FROM account.citizen_account_proposal WHERE citizen_id = ?")
                .param(account).query(Long.class).single()).as("nothing proposed").isZero();
        assertThat(jdbc.sql("SELECT phone_masked FROM account.citizen WHERE id = ?").param(account)
                .query(String.class).single()).isEqualTo(masked(old));
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private void squat(TestCitizens.Person person, String phone, String password) {
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        assertThat(citizens.registerVerified(subject, phone, password)).isPresent();
    }

    /** Finds the account as the window does: the number posted, never shown back. */
    private UUID find(TestCitizens.Person person) throws Exception {
        String page = mvc.perform(post("/console/citizen-accounts/find").param("number", person.number())
                        .with(maker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(person.number())
                .contains(person.number().substring(0, 4) + "**********" + person.number().substring(14));
        Matcher id = PROPOSE.matcher(page);
        assertThat(id.find()).as(page).isTrue();
        return UUID.fromString(id.group(1));
    }

    private UUID pendingProposalOf(UUID account) {
        return jdbc.sql("SELECT id FROM account.citizen_account_proposal WHERE citizen_id = ? AND status = 'PENDING'")
                .param(account).query(UUID.class).single();
    }

    private String page(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/console/citizen-accounts").with(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
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
