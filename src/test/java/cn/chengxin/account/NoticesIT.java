package cn.chengxin.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.NoticeBundles;
import cn.chengxin.support.OlderLinks;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import cn.chengxin.listing.domain.SeriousGround;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #8 "Notifications": an objection received and decided, a list notice and a consent used each reach the
 * citizen's 消息通知 and, since the account has a phone, a text message without the identity number; a person
 * without an account still gets the in-app notice; nobody marks another person's notice read.
 */
@IntegrationTest
class NoticesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    Notices notices;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Objections objections;

    @Autowired
    Listing listing;

    @Autowired
    Consents consents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void objectionListAndConsentNoticesReachSelfServiceAndThePhone() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "聂清和");
        UUID subject = penalised(person, "驻市监罚〔2026〕611号");
        citizens.registerVerified(subject, person.phone(), "Nie-Qinghe-2026");
        String maskedPhone = person.phone().substring(0, 3) + "****" + person.phone().substring(7);

        UUID objection = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚已撤销", "本人");
        noticeTexts.sendDue();
        assertThat(notices.of(subject)).extracting(Notice::kind).containsExactly("OBJECTION_RECEIVED");
        Notice received = notices.of(subject).get(0);
        assertThat(received.unread()).isTrue();
        assertThat(received.sms()).isEqualTo(Notice.Sms.SENT);
        assertThat(received.body()).contains("异议中").contains(objections.find(objection).dueOn().toString());
        assertThat(textsTo(maskedPhone)).anyMatch(t -> t.contains("您的异议已受理"));

        as("office-n", () -> {
            objections.decide(objection, objections.find(objection).version(), Outcome.UPHOLD, "处罚决定有效，维持");
            return null;
        });
        Notice decided = notices.of(subject).get(0);
        assertThat(decided.kind()).isEqualTo("OBJECTION_DECIDED");
        assertThat(decided.body()).contains("维持原记录").contains("处罚决定有效，维持");

        blackListed(subject, "n");
        assertThat(notices.of(subject)).extracting(Notice::kind).contains("LIST_PRIOR");

        ApiClients.IssuedKey bank = apiClients.issue("信贷系统", "聂氏测试银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        consents.grant(subject, bank.clientId(), Purpose.LENDING, null, false);
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + bank.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + person.number() + "\",\"purpose\":\"LENDING\"}"))
                .andExpect(status().isOk());
        assertThat(notices.of(subject).get(0).kind()).isEqualTo("CONSENT_USED");
        assertThat(notices.of(subject).get(0).title()).contains("聂氏测试银行");

        assertThat(textsTo(maskedPhone)).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(t -> assertThat(t).doesNotContain(person.number()).contains("消息通知"));
        assertTheChineseWordingIsTheText(subject);

        mvc.perform(get("/me/notices").with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("您的异议已受理")))
                .andExpect(content().string(containsString("未读")))
                .andExpect(content().string(not(containsString(person.number()))));
        mvc.perform(post("/me/notices/{id}/read", received.id()).with(authentication(citizen(subject))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(notices.of(subject)).filteredOn(n -> n.id().equals(received.id())).allMatch(n -> !n.unread());
        assertThat(notices.unread(subject)).isPositive();
        mvc.perform(post("/me/notices/read").with(authentication(citizen(subject))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(notices.unread(subject)).isZero();
    }

    @Test
    void withoutAnAccountTheNoticeWaitsInSelfServiceAndNobodyReadsAnothersNotice() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "滕雨桐");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = notices.notify(subject, "TEST", "测试通知", "正文", null);
        assertThat(notices.of(subject)).singleElement().extracting(Notice::sms).isEqualTo(Notice.Sms.NONE);

        TestCitizens.Person other = TestCitizens.register(subjects, "滕雨松");
        UUID otherSubject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, other.number())).orElseThrow();
        CodedProblem notTheirs = catchThrowableOfType(CodedProblem.class, () -> notices.markRead(otherSubject, id));
        assertThat(notTheirs.code()).isEqualTo("NOTICE_UNKNOWN");
        mvc.perform(post("/me/notices/{id}/read", id).with(authentication(citizen(otherSubject))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(notices.unread(subject)).isEqualTo(1);
    }

    /**
     * K9: 消息通知 is paged. With more notices than one page, the oldest (an objection decision a year ago, with its
     * reasons) is not on the first page, which links to older notices; following the link reaches it. Marked read
     * there, the person is back on that older page, not on the newest.
     */
    @Test
    void theOldestNoticeIsReachedOnAnOlderPage() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "訾旧讯");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID oldest = notices.notify(subject, "OBJECTION_DECIDED", "异议已办结", "经核实，更正记录（旧决定）", "/me/objections");
        jdbc.sql("UPDATE account.notice SET created_at = created_at - interval '1 year' WHERE id = ?").param(oldest)
                .update();
        for (int i = 1; i <= 50; i++) { // a full page (MyNotices.NOTICES_PER_PAGE) of newer notices
            notices.notify(subject, "CONSENT_USED", "授权已使用 " + i, "正文", null);
        }
        String newest = mvc.perform(get("/me/notices").with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(newest).contains("授权已使用 50").doesNotContain("旧决定").doesNotContain("data-field=\"newest\"");
        String olderPage = OlderLinks.of(newest);
        String older = mvc.perform(get(olderPage).with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(older).contains("旧决定").contains("data-field=\"newest\"").doesNotContain("授权已使用");
        assertThat(OlderLinks.present(older)).isFalse();

        String before = OlderLinks.before(olderPage);
        assertThat(older).contains("name=\"before\" value=\"" + before + "\"");
        mvc.perform(post("/me/notices/{id}/read", oldest).param("before", before).with(csrf())
                        .with(authentication(citizen(subject))))
                .andExpect(redirectedUrl(olderPage));
        assertThat(notices.page(subject, UUID.fromString(before), 50).items()).singleElement()
                .satisfies(n -> assertThat(n.unread()).isFalse());
    }

    /**
     * G13: an English reader reads an objection notice and a list notice in English — the outcome in English, the list
     * notice marked as a reading aid of the Chinese notice served — while the Chinese reader's page shows the text as
     * it was written and texted.
     */
    @Test
    void anEnglishReaderReadsTheNoticesInEnglishAndAChineseReaderTheTextAsWritten() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯思远");
        UUID subject = penalised(person, "驻市监罚〔2026〕612号");
        UUID objection = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚已撤销", "本人");
        String due = objections.find(objection).dueOn().toString();
        as("office-e", () -> {
            objections.decide(objection, objections.find(objection).version(), Outcome.UPHOLD, "处罚决定有效，维持");
            return null;
        });
        blackListed(subject, "e");
        assertThat(notices.of(subject)).extracting(Notice::wording)
                .contains("OBJECTION_RECEIVED", "OBJECTION_DECIDED", "LIST_PRIOR");

        String english = mvc.perform(get("/me/notices").param("lang", "en").with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Your objection has been received", "It will be decided by " + due,
                        "Your objection has been decided: Uphold the record", "Reasons: 处罚决定有效，维持",
                        "Prior notice of credit punishment", "put you on the Serious dishonesty list",
                        "Seriously disrupting fair market competition and social order",
                        "Reading aid only: the Chinese text is the notice served")
                .doesNotContain("您的异议已受理", "信用惩戒事先告知书", person.number());

        Notice received = notices.of(subject).stream().filter(n -> n.kind().equals("OBJECTION_RECEIVED")).findFirst()
                .orElseThrow();
        Notice prior = notices.of(subject).stream().filter(n -> n.kind().equals("LIST_PRIOR")).findFirst()
                .orElseThrow();
        String chinese = mvc.perform(get("/me/notices").with(authentication(citizen(subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("您的异议已受理", received.body(), "信用惩戒事先告知书", prior.body(),
                        "您的异议已办结：维持原记录")
                .doesNotContain("Your objection", "Reading aid", person.number());
        assertTheChineseWordingIsTheText(subject);
    }

    /** The Chinese wording of every notice written with one, filled with its arguments, is its text word for word. */
    private void assertTheChineseWordingIsTheText(UUID subject) {
        assertThat(notices.of(subject)).filteredOn(n -> n.wording() != null).isNotEmpty().allSatisfy(n -> {
            assertThat(NoticeBundles.inChinese(n.wording(), "title", n.args())).isEqualTo(n.title());
            assertThat(NoticeBundles.inChinese(n.wording(), "body", n.args())).isEqualTo(n.body());
        });
    }

    /** The person's subject, with a penalty record of the given decision on file. */
    private UUID penalised(TestCitizens.Person person, String decision) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                decision);
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    /** A black-list entry proposed and approved (its prior notice issued) by staff named with {@code suffix}. */
    private void blackListed(UUID subject, String suffix) throws Exception {
        UUID entry = as("maker-" + suffix, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "某法规第十条", "严重失信",
                java.time.LocalDate.now().minusMonths(1), java.time.LocalDate.now().plusYears(1)));
        as("checker-" + suffix, () -> listing.approve(entry, "核实无误"));
    }

    private List<String> textsTo(String maskedPhone) {
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent().stream().filter(m -> m.maskedPhone().equals(maskedPhone)).map(DevSmsGateway.Message::text)
                .toList();
    }

    private UsernamePasswordAuthenticationToken citizen(UUID subject) {
        return Principals.citizen(subjects, subject);
    }
}
