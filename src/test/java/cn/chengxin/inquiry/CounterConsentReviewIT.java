package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.account.NoticeTexts;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WindowPhones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxi M2 (rest): a consent recorded at the window that is of multiple use or lasts more than 30 days
 * waits, unusable by the institution, for a second 信用办 clerk who did not record it; it is decided once, and the
 * person is told of the decision. The phone typed for a person without an account phone serves only once the person
 * read out the code texted to it, and nothing but the code is texted to it before.
 */
@IntegrationTest
class CounterConsentReviewIT {

    private static final byte[] SCAN = "%PDF-1.4 signed authorisation".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Consents consents;

    @Autowired
    CounterConsentReviews reviews;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApiClients apiClients;

    @Autowired
    AccessHistory history;

    @Autowired
    Notices notices;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    ApplicationContext context;

    @Test
    void aYearsConsentAtTheCounterWaitsForASecondClerkAndTakesEffectWhenApproved() throws Exception {
        String phone = "13907551201";
        TestCitizens.Person person = TestCitizens.register(subjects, "柏复核");
        UUID subjectId = id(person);
        ApiClients.IssuedKey bank = bank("信贷系统复", "丑银行");
        var recorder = clerk("counter-r1");
        var reviewer = clerk("counter-r2");

        mvc.perform(consent(person, bank.clientId(), 365, false, phone).with(authentication(recorder)))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        Consent waiting = consents.of(subjectId).get(0);
        assertThat(waiting.review()).isEqualTo(ConsentReview.PENDING);
        assertThat(consents.inForce(subjectId)).as("withdrawable while it waits").extracting(Consent::id)
                .containsExactly(waiting.id());
        lending(bank.key(), person.number()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_PENDING_REVIEW"));
        assertThat(notices.of(subjectId)).as("nobody is told of what has not taken effect").isEmpty();
        assertThat(textsTo(phone)).as("nothing but the code").allSatisfy(t -> assertThat(t).contains("验证码为"));

        // The clerk who recorded it cannot approve it; the refusal is audited.
        mvc.perform(post("/console/counter-consents/{id}/approve", waiting.id()).with(csrf())
                        .with(authentication(recorder)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CONSENT_SELF_REVIEW"));
        assertThat(consents.of(subjectId).get(0).review()).isEqualTo(ConsentReview.PENDING);
        String own = mvc.perform(get("/console/counter-consents").with(authentication(recorder)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String ownRow = row(own, waiting.id());
        assertThat(ownRow).contains("data-field=\"own\"").doesNotContain("/approve", "/console/counter-consents/papers/");

        // The second clerk sees the papers scanned at the window, the person's number masked.
        String page = mvc.perform(get("/console/counter-consents").with(authentication(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = row(page, waiting.id());
        assertThat(row).contains("丑银行", "365", "/approve", "/reject").doesNotContain(person.number());
        String paper = row.replaceAll("(?s).*?/console/counter-consents/papers/([0-9a-f-]{36}).*", "$1");
        assertThat(mvc.perform(get("/console/counter-consents/papers/{id}", paper).with(authentication(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(SCAN);
        mvc.perform(get("/console/counter-consents/papers/{id}", paper).with(authentication(recorder)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/console/counter-consents/{id}/approve", waiting.id()).with(csrf())
                        .with(authentication(reviewer)))
                .andExpect(flash().attribute("successKey", "counterConsents.approved"));
        lending(bank.key(), person.number()).andExpect(status().isOk());
        // Told once that it took effect (the institution's use is told apart, CONSENT_USED).
        assertThat(notices.of(subjectId)).filteredOn(n -> !n.kind().equals("CONSENT_USED")).singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("CONSENT_GRANTED_AT_COUNTER");
                    assertThat(n.title()).contains("在信用办窗口授权丑银行查询您的信用报告");
                    assertThat(n.body()).contains("counter-r1", "counter-r2");
                });
        assertThat(textsTo(phone)).anySatisfy(t -> assertThat(t).contains("丑银行").doesNotContain(person.number()));

        // Decided: only its reviewer opens the papers any more.
        mvc.perform(get("/console/counter-consents/papers/{id}", paper).with(authentication(clerk("counter-r3"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/counter-consents/papers/{id}", paper).with(authentication(reviewer)))
                .andExpect(status().isOk());
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 30)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("consent.counter.approve");
            assertThat(a.actorName()).isEqualTo("counter-r2");
        }).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("consent.counter.approve");
            assertThat(a.actorName()).isEqualTo("counter-r1");
            assertThat(a.result()).isEqualTo(AuditResult.DENIED);
        });
    }

    @Test
    void twoReviewersApprovingAtOnceDecideTheConsentOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏并发");
        UUID subjectId = id(person);
        ApiClients.IssuedKey bank = bank("信贷系统并", "寅银行");
        mvc.perform(consent(person, bank.clientId(), 60, true, "13907551202")
                        .with(authentication(clerk("counter-c0"))))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        UUID consentId = consents.of(subjectId).get(0).id();
        Actor first = actor(clerk("counter-c1"));
        Actor second = actor(clerk("counter-c2"));

        List<Optional<String>> outcomes = AtOnce.decide(
                new AtOnce.Decision("counter-c1", () -> reviews.approve(first, consentId)),
                new AtOnce.Decision("counter-c2", () -> reviews.approve(second, consentId)));

        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(outcomes).filteredOn(Optional::isPresent).singleElement()
                .isEqualTo(Optional.of("COUNTER_CONSENT_DECIDED"));
        assertThat(consents.of(subjectId).get(0).review()).isEqualTo(ConsentReview.APPROVED);
        assertThat(notices.of(subjectId)).hasSize(1);
        assertThat(history.of(subjects.pseudonymOf(subjectId).orElseThrow(), 30))
                .filteredOn(a -> a.action().equals("consent.counter.approve")).hasSize(1);
    }

    @Test
    void aRejectedCounterConsentNeverTakesEffectAndThePersonIsToldWhy() throws Exception {
        String phone = "13907551203";
        TestCitizens.Person person = TestCitizens.register(subjects, "柏驳回");
        UUID subjectId = id(person);
        ApiClients.IssuedKey bank = bank("信贷系统驳", "卯银行");
        mvc.perform(consent(person, bank.clientId(), 20, false, phone).with(authentication(clerk("counter-j1"))))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        UUID consentId = consents.of(subjectId).get(0).id();
        var reviewer = clerk("counter-j2");

        mvc.perform(post("/console/counter-consents/{id}/reject", consentId).param("reason", " ").with(csrf())
                        .with(authentication(reviewer)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CONSENT_REASON_REQUIRED"));
        mvc.perform(post("/console/counter-consents/{id}/reject", consentId).param("reason", "授权书上的签名与证件不符")
                        .with(csrf()).with(authentication(reviewer)))
                .andExpect(flash().attribute("successKey", "counterConsents.rejected"));

        lending(bank.key(), person.number()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_REVIEW_REJECTED"));
        assertThat(consents.inForce(subjectId)).isEmpty();
        assertThat(notices.of(subjectId)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("CONSENT_REJECTED_AT_COUNTER");
            assertThat(n.title()).contains("卯银行", "未通过复核");
            assertThat(n.body()).contains("授权书上的签名与证件不符");
        });
        assertThat(textsTo(phone)).anySatisfy(t -> assertThat(t).contains("卯银行", "未通过复核"));
        mvc.perform(post("/console/counter-consents/{id}/approve", consentId).with(csrf())
                        .with(authentication(clerk("counter-j3"))))
                .andExpect(flash().attribute("failureCode", "COUNTER_CONSENT_DECIDED"));
        assertThat(history.of(subjects.pseudonymOf(subjectId).orElseThrow(), 30))
                .anySatisfy(a -> assertThat(a.action()).isEqualTo("consent.counter.reject"));
    }

    @Test
    void thePhoneTypedAtTheWindowServesOnlyOnceThePersonReadsOutItsCode() throws Exception {
        String phone = "13907551204";
        TestCitizens.Person person = TestCitizens.register(subjects, "柏验码");
        UUID subjectId = id(person);
        ApiClients.IssuedKey bank = bank("信贷系统码", "辰银行");
        var clerk = clerk("counter-v1");

        // No code sent to the phone typed: refused.
        mvc.perform(papers(multipart("/console/reports/self/consents"), person, bank.clientId(), 30, true)
                        .param("phone", phone).param("phoneCode", "123456").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_PHONE_CODE_REQUIRED"));
        // A code sent to another phone does not confirm this one.
        WindowPhones.Sent other = WindowPhones.sent(mvc, context, clerk, "13907551205");
        mvc.perform(papers(multipart("/console/reports/self/consents"), person, bank.clientId(), 30, true)
                        .with(other.session()).param("phone", phone).param("phoneCode", other.code())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_PHONE_CODE_REQUIRED"));
        // A wrong code is refused.
        WindowPhones.Sent sent = WindowPhones.sent(mvc, context, clerk, phone);
        String wrong = sent.code().equals("000000") ? "111111" : "000000";
        mvc.perform(papers(multipart("/console/reports/self/consents"), person, bank.clientId(), 30, true)
                        .with(sent.session()).param("phone", phone).param("phoneCode", wrong)
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_PHONE_CODE_WRONG"));
        assertThat(consents.of(subjectId)).isEmpty();
        assertThat(notices.of(subjectId)).isEmpty();
        assertThat(textsTo(phone)).singleElement().satisfies(t -> assertThat(t).contains("验证码为", "服务窗口"));

        // The code the person read out: the consent is recorded and the person told on that phone.
        mvc.perform(sent.on(papers(multipart("/console/reports/self/consents"), person, bank.clientId(), 30, true))
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentRecorded"));
        assertThat(consents.of(subjectId)).singleElement()
                .satisfies(c -> assertThat(c.review()).isEqualTo(ConsentReview.NONE));
        lending(bank.key(), person.number()).andExpect(status().isOk());
        assertThat(textsTo(phone)).anySatisfy(t -> assertThat(t).contains("辰银行"));
    }

    /** The consent form with the papers scanned, for a registered person. */
    private static MockMultipartHttpServletRequestBuilder papers(MockMultipartHttpServletRequestBuilder request,
                                                                 TestCitizens.Person person, UUID clientId, int days,
                                                                 boolean singleUse) {
        request.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", SCAN));
        request.param("number", person.number()).param("documentType", "").param("personName", person.name())
                .param("seenDocument", "RESIDENT_ID_CARD").param("clientId", clientId.toString())
                .param("purpose", "LENDING").param("days", String.valueOf(days))
                .param("singleUse", String.valueOf(singleUse)).with(csrf());
        return request;
    }

    /** The consent form with the phone confirmed by its code. */
    private MockMultipartHttpServletRequestBuilder consent(TestCitizens.Person person, UUID clientId, int days,
                                                           boolean singleUse, String phone) throws Exception {
        return WindowPhones.sent(mvc, context, clerk("counter-phone"), phone)
                .on(papers(multipart("/console/reports/self/consents"), person, clientId, days, singleUse));
    }

    /** The texts sent to {@code phone} in this run, newest first. */
    private List<String> textsTo(String phone) {
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        return sms.recent().stream().filter(m -> m.maskedPhone().equals(masked)).map(DevSmsGateway.Message::text)
                .toList();
    }

    private static String row(String page, UUID consentId) {
        String from = page.substring(page.indexOf("data-consent=\"" + consentId + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }

    private ApiClients.IssuedKey bank(String system, String organisation) {
        return apiClients.issue(system, organisation, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
    }

    private ResultActions lending(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\",\"format\":\"JSON\"}"));
    }

    private UUID id(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private static Actor actor(UsernamePasswordAuthenticationToken token) {
        return (Actor) token.getPrincipal();
    }

    /** A member of the credit office with what its base role grants after the migrations. */
    private UsernamePasswordAuthenticationToken clerk(String username) {
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        Permission[] granted = directory.roles().stream().filter(r -> r.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().permissions().toArray(Permission[]::new);
        return Principals.member(username, office, granted);
    }
}
