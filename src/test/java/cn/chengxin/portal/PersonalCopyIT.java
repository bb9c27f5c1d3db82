package cn.chengxin.portal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.Department;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.CounterRequest;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.Statements;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.CounterPaper;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.SeenDocument;
import cn.chengxin.objection.Objections;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import cn.chengxin.support.TestStaff;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PIPL Art. 45 (gaps review xlvi AA1): a person takes away a copy of everything the platform holds about them, free
 * and as often as they like — also what the self report leaves out: records no longer shown, the consents given,
 * statements and objections, and every look at them beyond the report's latest 50 — the number masked.
 */
@IntegrationTest
class PersonalCopyIT {

    private static final String SHOWN_DECISION = "驻市监罚〔2026〕181号";
    private static final String EXPIRED_DECISION = "驻市监罚〔2023〕182号";
    private static final String PRINTED_DECISION = "驻市监罚〔2026〕183号";

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Statements statements;

    @Autowired
    Objections objections;

    @Autowired
    Consents consents;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RightsRequests rightsRequests;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    ElectronicServiceAgreements eservice;

    @Autowired
    Reports reports;

    @Test
    void aPersonDownloadsEverythingHeldAboutThemAsOftenAsTheyLike() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾副本");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        UsernamePasswordAuthenticationToken signedIn = account(subject, person);
        CitizenPrincipal citizen = (CitizenPrincipal) signedIn.getPrincipal();
        eservice.agree(citizen, true, ElectronicServiceAgreements.TERMS_VERSION);
        // At the credit office's window: the person's report, the identity card seen, the signed application scanned.
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        String clerkName = "copyclerk" + UUID.randomUUID().toString().substring(0, 6);
        UUID clerkId = directory.createUser(clerkName, "窗口经办", office.id(), TestStaff.PASSWORD);
        StaffPrincipal clerkPrincipal = new StaffPrincipal(clerkId, clerkName, "窗口经办", office.id(), office.code(),
                office.name(), office.kind(), office.dataScope(), Set.of(Permission.INQUIRY_COUNTER));
        UsernamePasswordAuthenticationToken clerk = UsernamePasswordAuthenticationToken.authenticated(clerkPrincipal,
                null, List.of(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority(Permission.INQUIRY_COUNTER.code())));
        String counterReport = AsStaff.as(clerk, () -> reports.atCounter(clerkPrincipal, new CounterRequest(
                person.number(), null, person.name(),
                CounterIdentityCheck.of(SeenDocument.RESIDENT_ID_CARD, false, null, null, null, null),
                List.of(new CounterPaper(CounterPaper.Kind.AUTHORISATION, "查询申请表.pdf",
                        "%PDF-1.4 signed application".getBytes(StandardCharsets.US_ASCII))), "", null, "")))
                .number();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                SHOWN_DECISION);
        // Decided two years ago: a general penalty's year of publication is over, the record kept but not shown.
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(),
                "P_ADMIN_PENALTY_GENERAL", "T-" + UUID.randomUUID(), "1", "ADD", EXPIRED_DECISION, "无照经营"),
                LocalDate.now().minusYears(2));
        FileEntry shown = creditFile.fileAsShown(subject).stream()
                .filter(e -> SHOWN_DECISION.equals(e.decisionNumber())).findFirst().orElseThrow();
        statements.add(subject, shown.recordKey(), "罚款已于当月缴清");
        objections.file(subject, shown.recordKey(), "决定书载明的经营地址不是本人的", "本人");
        ApiClients.IssuedKey bank = apiClients.issue("信贷系统副本", "副本银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        consents.grant(subject, bank.institutionId(), Purpose.LENDING, 30, false);
        rightsRequests.request(citizen, RightsRequestKind.EXPLANATION, "请说明我的信息提供给了哪些机构");
        // More looks than a report lists (its latest 50) and than one page of 谁查询了我 shows.
        for (int i = 0; i < 60; i++) {
            audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(pseudonym)
                    .purpose("行政检查", "测试依据"));
        }

        MockHttpServletResponse answer = mvc.perform(get("/me/copy.json").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn().getResponse();
        String body = answer.getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer.getHeader("Content-Disposition")).startsWith("attachment").contains("personal-copy-");
        assertThat(answer.getHeader("Cache-Control")).contains("no-store");
        assertThat((String) JsonPath.read(body, "$.format")).isEqualTo(PersonalCopy.FORMAT);
        assertThat(body).as("the number masked, as on every screen").doesNotContain(person.number());
        assertThat((String) JsonPath.read(body, "$.identity.maskedNumber")).contains("*");
        assertThat((String) JsonPath.read(body, "$.identity.name")).isEqualTo("艾副本");
        List<Boolean> expiredShown = JsonPath.read(body,
                "$.records[?(@.decisionNumber == '" + EXPIRED_DECISION + "')].shown");
        assertThat(expiredShown).as("the record no longer shown, which the self report leaves out")
                .containsExactly(false);
        List<Boolean> currentShown = JsonPath.read(body,
                "$.records[?(@.decisionNumber == '" + SHOWN_DECISION + "')].shown");
        assertThat(currentShown).containsExactly(true);
        List<String> texts = JsonPath.read(body, "$.statements[*].text");
        assertThat(texts).containsExactly("罚款已于当月缴清");
        List<String> reasons = JsonPath.read(body, "$.objections[*].reasons");
        assertThat(reasons).containsExactly("决定书载明的经营地址不是本人的");
        List<Map<String, Object>> given = JsonPath.read(body, "$.consents[*]");
        assertThat(given).singleElement().satisfies(c -> {
            assertThat(java.util.Arrays.asList(c.get("institution"), c.get("organisation"))).contains("副本银行");
            assertThat(c.get("purpose")).isEqualTo(Purpose.LENDING.label());
            assertThat(c.get("withdrawnAt")).isNull();
        });
        List<Map<String, Object>> asked = JsonPath.read(body, "$.rightsRequests[*]");
        assertThat(asked).as("the requests made to the office under PIPL Chapter IV").singleElement().satisfies(r -> {
            assertThat(r.get("kind")).isEqualTo("EXPLANATION");
            assertThat(r.get("text")).isEqualTo("请说明我的信息提供给了哪些机构");
            assertThat((String) r.get("reference")).startsWith("PI");
            assertThat(r.get("dueOn")).isNotNull();
            assertThat(r.get("outcome")).isNull();
        });
        List<Object> corrections = JsonPath.read(body, "$.corrections");
        assertThat(corrections).as("no correction asked for, an empty list").isEmpty();
        List<String> looks = JsonPath.read(body, "$.accesses[?(@.action == 'subject.view')].action");
        assertThat(looks).as("every look, past the report's 50 and the page's 50").hasSize(60);
        List<String> actions = JsonPath.read(body, "$.accesses[*].action");
        assertThat(actions).as("the person's own views are not looks by others").noneMatch(a -> a.startsWith("self."));

        Map<String, Object> account = JsonPath.read(body, "$.account");
        assertThat((String) account.get("phoneMasked")).as("the phone masked, as on every screen").contains("*");
        assertThat(body).doesNotContain(person.phone()).doesNotContain(citizen.accountId().toString());
        assertThat(account.get("registeredAt")).isNotNull();
        assertThat(account.get("realNameCheckedAt")).isNotNull();
        assertThat(account.get("realNameChecked")).isEqualTo("ONLINE");
        assertThat(account.get("suspendedAt")).isNull();
        assertThat(account.keySet()).as("never a secret of the account")
                .noneMatch(k -> k.matches("(?i).*(hash|cipher|password|secret|seed|token|totp|pseudonym|id)$"));
        List<Map<String, Object>> agreements = JsonPath.read(body, "$.electronicService[*]");
        assertThat(agreements).singleElement().satisfies(a -> {
            assertThat(a.get("channel")).isEqualTo("SELF_SERVICE");
            assertThat(a.get("agreedAt")).isNotNull();
            assertThat(a.get("withdrawnAt")).isNull();
        });
        List<Map<String, Object>> visits = JsonPath.read(body, "$.counterVisits[*]");
        assertThat(visits).as("what the window recorded: when, where, by whom, on what papers").singleElement()
                .satisfies(v -> {
                    assertThat(v.get("service")).isEqualTo("REPORT");
                    assertThat(v.get("reportNumber")).isEqualTo(counterReport);
                    assertThat(v.get("office")).isEqualTo(office.name());
                    assertThat(v.get("clerk")).isEqualTo(clerkName);
                    assertThat(v.get("personDocument")).isEqualTo("RESIDENT_ID_CARD");
                    assertThat(v.get("byGuardian")).isEqualTo(false);
                    assertThat(v.get("papers")).isEqualTo(List.of(Map.of("kind", "AUTHORISATION",
                            "filename", "查询申请表.pdf")));
                    assertThat(v.keySet()).noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("id"));
                });

        // Again, the same day: no allowance is used up by a copy.
        mvc.perform(get("/me/copy.json").with(authentication(signedIn))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? AND action = 'self.copy'")
                .param(pseudonym).query(Long.class).single()).as("each copy recorded as the person's own query")
                .isEqualTo(2L);
        // Where the rights are said, the copy is named as a self-service way, not a letter to the office.
        assertThat(mvc.perform(get("/privacy")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("下载个人信息副本");
    }

    /**
     * The same copy to read and print: a PDF, in Chinese unless the page was English, that says it is the person's copy
     * and not a credit report, with the name and the number masked, the records and the window's visits in it.
     */
    @Test
    void thePrintedCopyIsReadableMaskedAndNoReport() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾印本");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        UsernamePasswordAuthenticationToken signedIn = account(subject, person);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                PRINTED_DECISION);

        MockHttpServletResponse answer = mvc.perform(get("/me/copy.pdf").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(answer.getContentType()).startsWith("application/pdf");
        assertThat(answer.getHeader("Content-Disposition")).startsWith("attachment").contains(".pdf");
        assertThat(answer.getHeader("Cache-Control")).contains("no-store");
        String text = text(answer.getContentAsByteArray());
        assertThat(text).contains("个人信息副本", "第四十五条", "不是信用报告", Masking.personName(person.name()),
                PRINTED_DECISION, "谁查询了我", "窗口办理记录");
        assertThat(text).as("the number never in clear").doesNotContain(person.number())
                .doesNotContain(person.phone());
        assertThat(text).as("nothing a report's verification would take").doesNotContain("核验码：");
        assertThat(text).as("page numbers").contains("第1页/共");

        String english = text(mvc.perform(get("/me/copy.pdf").param("lang", "en").with(authentication(signedIn)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(english).contains("Copyofpersonalinformation", "notacreditreport", "Page1of")
                .doesNotContain(person.number());

        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? AND action = ?")
                .params(pseudonym, "self.copy.pdf").query(Long.class).single())
                .as("each printed copy recorded as the person's own query").isEqualTo(2L);
    }

    /** The person's own account, with their phone, signed in as it. */
    private UsernamePasswordAuthenticationToken account(UUID subject, TestCitizens.Person person) {
        UUID account = citizens.registerVerified(subject, person.phone(), "Fu-Ben-Mima-2026").orElseThrow();
        CitizenPrincipal principal = new CitizenPrincipal(account, subject, subjects.pseudonymOf(subject).orElseThrow(),
                Masking.personName(person.name()));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new SimpleGrantedAuthority("CITIZEN"), new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
    }

    /** The PDF's text, white space removed (the renderer breaks lines and spaces CJK as it lays them out). */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s", "");
        }
    }
}
