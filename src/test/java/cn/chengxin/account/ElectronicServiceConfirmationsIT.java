package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.domain.ElectronicServiceTerms;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.ElectronicServiceAgreed;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WindowUnbinding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 电子送达确认书 where citizens and clerks meet it (gaps review xl U13 rest; 《行政处罚法》第六十一条): the registration
 * form's optional box, stored as the account is created; a paper signed at the window, recorded by the clerk and
 * withdrawn there; an account closed or unbound takes its agreement with it; and the clerks' queue of notices waiting
 * for service says whose agreement is in force. Registrations come from this class's own address (the per-address
 * limit is shared).
 */
@IntegrationTest
class ElectronicServiceConfirmationsIT {

    private static final String ADDRESS = "10.71.1.1";
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final Pattern REGISTRATION = Pattern.compile("name=\"registration\" value=\"([0-9a-f-]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ElectronicServiceAgreements agreements;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    CitizenAccountClosure closure;

    @Autowired
    StaffDirectory directory;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    Listing listing;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.shared.City city;

    /** The box is offered unticked with the text and its version; ticked, the new account's agreement is stored. */
    @Test
    void aBoxTickedAtRegistrationIsStoredAsTheAccountIsCreated() throws Exception {
        String form = mvc.perform(get("/me/register")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"eserviceConsent\"", "name=\"eserviceVersion\" value=\""
                + ElectronicServiceAgreements.TERMS_VERSION + "\"", "第六十一条");
        assertThat(form).doesNotContainPattern("id=\"eserviceConsent\"[^>]*checked");
        TestCitizens.Person person = TestCitizens.register(subjects, "江送达");
        UUID subject = id(person);

        register(person, "Jiang-Songda-2026", true);

        ElectronicServiceAgreement agreed = agreements.inForce(subject).orElseThrow();
        assertThat(agreed.channel()).isEqualTo(ElectronicServiceAgreement.Channel.REGISTRATION);
        assertThat(agreed.termsVersion()).isEqualTo(ElectronicServiceAgreements.TERMS_VERSION);
        UUID account = jdbc.sql("SELECT id FROM account.citizen WHERE subject_id = ?").param(subject)
                .query(UUID.class).single();
        assertThat(agreed.agreedBy()).as("agreed by the new account").isEqualTo(account.toString());
        assertThat(audited(subject, "account.citizen.eservice.agree")).singleElement().asString()
                .contains("ESERVICE_AGREED_AT_REGISTRATION");
    }

    /** Registration works without the box, and a box ticked for a text since changed is refused before any code. */
    @Test
    void registrationWorksWithoutTheBoxAndAStaleTextIsRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "江不选");
        UUID subject = id(person);
        int texts = sent().size();
        String stale = mvc.perform(registration(person, "Jiang-Buxuan-2026").param("eserviceConsent", "true")
                        .param("eserviceVersion", "2000-01-01")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(stale).contains("ESERVICE_TERMS_CHANGED").doesNotContain("name=\"registration\"")
                .containsPattern("id=\"eserviceConsent\"[^>]*checked");
        assertThat(sent()).as("no code texted").hasSize(texts);

        register(person, "Jiang-Buxuan-2026", false);

        assertThat(jdbc.sql("SELECT count(*) FROM account.citizen WHERE subject_id = ?").param(subject)
                .query(Long.class).single()).as("registered").isOne();
        assertThat(agreements.of(subject)).as("no agreement without the box").isEmpty();
    }

    /**
     * A clerk with the window's right records a signed paper (version, day, archive number, the clerk), audited
     * about the person; a second paper while one is in force and a paper dated tomorrow are refused; the person
     * withdraws at the window, audited; a staff member without the window's right is refused. Both are the clerk's
     * counter services, naming the agreement, in 我在窗口办理的事项 (gaps review xl U13 rest).
     */
    @Test
    void aPaperSignedAtTheWindowIsRecordedAndWithdrawnThere() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "江纸质");
        UUID subject = id(person);
        UsernamePasswordAuthenticationToken clerk = clerk("eservice-clerk");
        LocalDate today = LocalDate.now(clock);

        mvc.perform(paper(person, today.plusDays(1), "DZSD-2026-0001").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "ESERVICE_PAPER_INCOMPLETE"));
        mvc.perform(paper(person, today, "DZSD-2026-0001").with(authentication(Principals.staff("eservice-dept",
                        "MARKET", Permission.CONSOLE_HOME, Permission.LIST_PROPOSE))))
                .andExpect(status().isForbidden());
        assertThat(agreements.of(subject)).as("nothing recorded by the refusals").isEmpty();
        assertThat(visits(subject)).as("no counter service kept for a refusal").isEmpty();

        mvc.perform(paper(person, today, "DZSD-2026-0001").with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.eservice.recorded"));

        ElectronicServiceAgreement agreed = agreements.inForce(subject).orElseThrow();
        assertThat(agreed.channel()).isEqualTo(ElectronicServiceAgreement.Channel.COUNTER);
        assertThat(agreed.recordedBy()).isEqualTo(((Actor) clerk.getPrincipal()).actorId());
        assertThat(agreed.signedOn()).isEqualTo(today);
        assertThat(agreed.paperReference()).isEqualTo("DZSD-2026-0001");
        assertThat(agreements.inForceAt(subject, clock.instant())).isTrue();
        assertThat(audited(subject, "account.citizen.eservice.agree")).singleElement().asString()
                .contains("ESERVICE_AGREED_AT_COUNTER", "DZSD-2026-0001");
        assertThat(actors(subject, "account.citizen.eservice.agree")).containsExactly("eservice-clerk");
        mvc.perform(paper(person, today, "DZSD-2026-0002").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "ESERVICE_ALREADY_AGREED"));
        // Gaps review xl U13 rest: the paper is one of the clerk's counter services, naming the agreement, listed
        // with its check in 我在窗口办理的事项 (zh/en); the refused second paper kept none.
        String clerkId = ((Actor) clerk.getPrincipal()).actorId();
        assertThat(visits(subject)).containsExactly("ESERVICE " + agreed.id() + " RESIDENT_ID_CARD " + clerkId);
        assertThat(counterVisitsPage(clerk, "zh")).contains("登记电子送达确认书（纸质）");
        assertThat(counterVisitsPage(clerk, "en")).contains("Paper confirmation of electronic service recorded");

        mvc.perform(withdrawal(person).with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.eservice.withdrawn"));

        assertThat(agreements.inForce(subject)).isEmpty();
        assertThat(agreements.of(subject)).singleElement().satisfies(a -> {
            assertThat(a.withdrawnBy()).isEqualTo(ElectronicServiceAgreements.COUNTER);
            assertThat(a.withdrawnAt()).isNotNull();
        });
        assertThat(audited(subject, "account.citizen.eservice.withdraw")).singleElement().asString()
                .contains("ESERVICE_WITHDRAWN_AT_COUNTER");
        assertThat(actors(subject, "account.citizen.eservice.withdraw")).containsExactly("eservice-clerk");
        mvc.perform(withdrawal(person).with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "ESERVICE_NOT_AGREED"));
        assertThat(visits(subject)).containsExactly("ESERVICE " + agreed.id() + " RESIDENT_ID_CARD " + clerkId,
                "ESERVICE_WITHDRAWAL " + agreed.id() + " RESIDENT_ID_CARD " + clerkId);
        assertThat(counterVisitsPage(clerk, "zh")).contains("撤回电子送达确认", "登记电子送达确认书（纸质）");
        assertThat(counterVisitsPage(clerk, "en")).contains("Electronic service agreement withdrawn");
    }

    /** The person's counter services, oldest first: the service, the agreement, the document seen, the clerk. */
    private List<String> visits(UUID subject) {
        return jdbc.sql("SELECT service || ' ' || agreement_id || ' ' || person_document || ' ' || clerk_id "
                        + "FROM inquiry.counter_visit WHERE subject_id = ? ORDER BY served_at, service")
                .param(subject).query(String.class).list();
    }

    /** 我在窗口办理的事项 on the window's page, as the clerk reads it in {@code lang}. */
    private String counterVisitsPage(UsernamePasswordAuthenticationToken clerk, String lang) throws Exception {
        String page = mvc.perform(get("/console/reports/self").param("lang", lang).with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.substring(page.indexOf("id=\"counter-visits\""));
    }

    /** Closing the account withdraws its agreement (no 个人中心 is left to read in), audited. */
    @Test
    void closingTheAccountWithdrawsTheAgreement() {
        TestCitizens.Person person = TestCitizens.register(subjects, "江注销");
        UUID subject = id(person);
        CitizenPrincipal citizen = agreeingAccount(person, subject, "Jiang-Zhuxiao-2026");

        closure.close(citizen, "Jiang-Zhuxiao-2026");

        assertThat(agreements.of(subject)).singleElement().satisfies(a -> assertThat(a.withdrawnBy())
                .isEqualTo(CitizenAccountClosed.BY));
        assertThat(audited(subject, "account.citizen.eservice.withdraw")).singleElement().asString()
                .contains("ESERVICE_ENDED_WITH_CLOSURE");
    }

    /** An account unbound as registered by someone else takes the agreement it signed with it, audited. */
    @Test
    void unbindingTheAccountWithdrawsTheAgreementItSigned() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "江被冒");
        UUID subject = id(person);
        agreeingAccount(person, subject, "Jiang-Beimao-2026");

        unbind(person);

        assertThat(agreements.inForce(subject)).isEmpty();
        assertThat(agreements.of(subject)).singleElement().satisfies(a -> assertThat(a.withdrawnBy())
                .isEqualTo(CitizenAccountUnbound.BY));
        assertThat(audited(subject, "account.citizen.eservice.withdraw")).singleElement().asString()
                .contains("ESERVICE_ENDED_WITH_UNBINDING");
    }

    /**
     * 待送达告知书 says, for each notice, whether the person's agreement is in force, since when and how: the clerk
     * waits for a read, or posts it now.
     */
    @Test
    void theQueueSaysWhoseAgreementIsInForce() throws Exception {
        UUID agreeing = id(TestCitizens.register(subjects, "江队列"));
        UUID notAgreeing = id(TestCitizens.register(subjects, "江未同"));
        ElectronicServiceAgreed.agree(agreements, subjects, agreeing);
        UUID agreeingNotice = priorNotice(agreeing, "q1");
        UUID otherNotice = priorNotice(notAgreeing, "q2");

        String agreedRow = queueRow(agreeingNotice);
        assertThat(agreedRow).contains("data-eservice=\"in-force\"", "个人中心").containsPattern("\\d{4}-\\d{2}-\\d{2} 起")
                .doesNotContain("data-eservice=\"none\"");
        assertThat(queueRow(otherNotice)).contains("data-eservice=\"none\"", "未同意")
                .doesNotContain("data-eservice=\"in-force\"");
    }

    /**
     * Review xliii X5 rest: the current text names the credit office by its configured name (it said 市信用办); a person
     * whose agreement in force is to the first text reads that text, as agreed, on their record of it, and is not asked
     * to agree again (an agreement in force stays, whatever text was adopted since).
     */
    @Test
    void theCurrentTextNamesTheConfiguredOfficeAndAnAgreementToTheFirstKeepsItsText() throws Exception {
        assertThat(ElectronicServiceAgreements.TERMS_VERSION).isNotEqualTo(ElectronicServiceTerms.FIRST_VERSION);
        String first = "本人同意市信用办依照《中华人民共和国行政处罚法》第六十一条";
        String current = "本人同意" + city.creditOffice() + "依照《中华人民共和国行政处罚法》第六十一条";
        UUID newcomer = id(TestCitizens.register(subjects, "江新版"));
        String fresh = mvc.perform(get("/me/electronic-service").with(authentication(Principals.citizen(subjects,
                newcomer)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fresh).contains(current, "确认书版本：" + ElectronicServiceAgreements.TERMS_VERSION, "id=\"eservice-agree\"")
                .doesNotContain(first);
        String english = mvc.perform(get("/me/electronic-service").param("lang", "en").with(authentication(
                Principals.citizen(subjects, newcomer)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("I agree that " + city.creditOfficeIn(java.util.Locale.ENGLISH) + " serves");

        UUID earlier = id(TestCitizens.register(subjects, "江旧版"));
        var principal = Principals.citizen(subjects, earlier);
        // As a registration begun on the first text and completed after the second was adopted stores it.
        agreements.agreeAtRegistration((CitizenPrincipal) principal.getPrincipal(), ElectronicServiceTerms.FIRST_VERSION);
        String record = mvc.perform(get("/me/electronic-service").with(authentication(principal)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(record).contains(first, "确认书版本：" + ElectronicServiceTerms.FIRST_VERSION, "data-field=\"in-force\"")
                .doesNotContain(current, "id=\"eservice-agree\"");
        assertThat(agreements.inForce(earlier)).hasValueSatisfying(a -> assertThat(a.termsVersion())
                .isEqualTo(ElectronicServiceTerms.FIRST_VERSION));
    }

    // ---- registration

    private void register(TestCitizens.Person person, String password, boolean eservice) throws Exception {
        MockHttpServletRequestBuilder form = registration(person, password);
        if (eservice) {
            form.param("eserviceConsent", "true").param("eserviceVersion", ElectronicServiceAgreements.TERMS_VERSION);
        }
        String page = mvc.perform(form).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher registration = REGISTRATION.matcher(page);
        assertThat(registration.find()).as(page).isTrue();
        Matcher code = CODE.matcher(sent().get(0).text());
        assertThat(code.find()).isTrue();
        mvc.perform(post("/me/register/verify").with(csrf()).param("registration", registration.group(1))
                .param("code", code.group(1))).andExpect(status().is3xxRedirection());
    }

    private static MockHttpServletRequestBuilder registration(TestCitizens.Person person, String password) {
        return post("/me/register").with(csrf()).param("number", person.number()).param("name", person.name())
                .param("phone", person.phone()).param("password", password).param("privacyConsent", "true")
                .with(r -> {
                    r.setRemoteAddr(ADDRESS);
                    return r;
                });
    }

    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        return sms.recent();
    }

    // ---- the window

    private static MockHttpServletRequestBuilder paper(TestCitizens.Person person, LocalDate signedOn,
                                                       String reference) {
        return post("/console/reports/self/electronic-service").with(csrf()).param("number", person.number())
                .param("documentType", "").param("personName", person.name())
                .param("seenDocument", "RESIDENT_ID_CARD").param("version", ElectronicServiceAgreements.TERMS_VERSION)
                .param("signedOn", signedOn.toString()).param("paperReference", reference);
    }

    private static MockHttpServletRequestBuilder withdrawal(TestCitizens.Person person) {
        return post("/console/reports/self/electronic-service/withdraw").with(csrf())
                .param("number", person.number()).param("documentType", "").param("seenDocument", "RESIDENT_ID_CARD");
    }

    /** A member of the credit office with what its base role grants (the window's right among them). */
    private UsernamePasswordAuthenticationToken clerk(String username) {
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        return Principals.member(username, office, directory.roles().stream()
                .filter(r -> r.code().equals("CREDIT_OFFICE")).findFirst().orElseThrow()
                .permissions().toArray(Permission[]::new));
    }

    private void unbind(TestCitizens.Person person) throws Exception {
        WindowUnbinding.unbind(mvc, jdbc, person.number(), authentication(Principals.staff("eservice-maker",
                "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.ACCOUNT_CITIZEN_MANAGE)), authentication(
                Principals.staff("eservice-checker", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                        Permission.ACCOUNT_CITIZEN_MANAGE)));
    }

    /** The person's account, registered as verified elsewhere, that agreed on the page. */
    private CitizenPrincipal agreeingAccount(TestCitizens.Person person, UUID subject, String password) {
        UUID account = citizens.registerVerified(subject, person.phone(), password).orElseThrow();
        CitizenPrincipal citizen = new CitizenPrincipal(account, subject, subjects.pseudonymOf(subject).orElseThrow(),
                "江*");
        agreements.agree(citizen, true, ElectronicServiceAgreements.TERMS_VERSION);
        return citizen;
    }

    // ---- the queue

    /** An approved serious-dishonesty entry of the subject: its prior notice waits for service. */
    private UUID priorNotice(UUID subject, String who) throws Exception {
        UUID entry = as("eservice-maker-" + who, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("eservice-checker-" + who, () -> listing.approve(entry, "核实无误")))
                .isEqualTo(EntryStatus.NOTIFIED);
        return listing.noticesOfEntry(entry).stream().filter(n -> n.kind() == ListNotice.Kind.PRIOR).findFirst()
                .orElseThrow().id();
    }

    /** The notice's row in the queue, on the page that starts right after the notice before it in the queue's order. */
    private String queueRow(UUID notice) throws Exception {
        Optional<UUID> before = jdbc.sql("""
                        SELECT p.id FROM listing.notice p, listing.notice n WHERE n.id = ?
                          AND (p.issued_at, p.id) < (n.issued_at, n.id) ORDER BY p.issued_at DESC, p.id DESC LIMIT 1""")
                .param(notice).query(UUID.class).optional();
        MockHttpServletRequestBuilder page = get("/console/lists/notices")
                .with(staff("office-eservice", "list:propose", "list:review"));
        before.ifPresent(id -> page.param("after", id.toString()));
        String body = mvc.perform(page).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = body.indexOf("id=\"notice-" + notice + "\"");
        assertThat(start).as("the notice is queued").isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    // ---- helpers

    private UUID id(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private List<String> audited(UUID subject, String action) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = ? AND subject_pseudonym = ? ORDER BY seq")
                .params(action, subjects.pseudonymOf(subject).orElseThrow()).query(String.class).list();
    }

    private List<String> actors(UUID subject, String action) {
        return jdbc.sql("SELECT actor_name FROM audit.event WHERE action = ? AND subject_pseudonym = ? ORDER BY seq")
                .params(action, subjects.pseudonymOf(subject).orElseThrow()).query(String.class).list();
    }
}
