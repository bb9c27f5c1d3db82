package cn.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #7 on PostgreSQL, through the HTTP API and the self-service pages: every consent fault has its code and
 * issues nothing; an institution's report leaves out government-only items; the PDF's text carries the headings,
 * the masked number and the query records and never the clear number; the third free report is refused; another
 * person's report is 404 and recorded; statements are text in HTML and PDF; verification needs the code and is
 * rate limited.
 */
@IntegrationTest
class ReportsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Consents consents;

    @Autowired
    Reports reports;

    @Autowired
    Statements statements;

    @Autowired
    JdbcInquiry store;

    @Autowired
    AccessHistory accesses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CreditFile creditFile;

    @Autowired
    RecordProceedings proceedings;

    @Autowired
    Notices notices;

    @Autowired
    Catalogue catalogue;

    @Test
    void eachConsentFaultHasItsOwnCodeAndIssuesNoReport() throws Exception {
        Person a = person("甘秋月");
        Person b = person("柏春生");
        Institution bank = institution("信贷系统", "甲银行");
        Institution other = institution("租赁系统", "乙租赁公司");

        report(bank, a, Purpose.LENDING, null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_MISSING"));

        Consent lending = consents.grant(a.id(), bank.id(), Purpose.LENDING, 30, true);
        String code = consents.codeOf(a.id(), lending.id()).orElseThrow();
        report(bank, a, Purpose.EMPLOYMENT, null).andExpect(jsonPath("$.code").value("CONSENT_PURPOSE_MISMATCH"));
        // Another person's consent is answered as for a number not registered: the answer does not tell them apart.
        Person unregistered = new Person(null, TestCitizens.withCheckCharacter("41170219700101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000))), "未登记");
        String notAuthorised = JsonPath.read(report(bank, unregistered, Purpose.LENDING, code)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CONSENT_MISSING"))
                .andReturn().getResponse().getContentAsString(), "$.detail");
        report(bank, b, Purpose.LENDING, code).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_MISSING"))
                .andExpect(jsonPath("$.detail").value(notAuthorised));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? AND result = 'DENIED' "
                        + "AND detail = 'reason=REFUSED; refusal=#problem.CONSENT_SUBJECT_MISMATCH'")
                .param(subjects.pseudonymOf(b.id()).orElseThrow()).query(Long.class).single())
                .as("the real reason, kept for the audit").isOne();
        String forged = code.substring(0, code.length() - 2) + "AA";
        report(bank, unregistered, Purpose.LENDING, forged)
                .andExpect(jsonPath("$.code").value("CONSENT_CODE_INVALID"));
        report(other, a, Purpose.LENDING, code).andExpect(jsonPath("$.code").value("CONSENT_OTHER_INSTITUTION"));
        report(bank, a, Purpose.LENDING, forged).andExpect(jsonPath("$.code").value("CONSENT_CODE_INVALID"));

        Instant longAgo = Instant.now().minus(40, ChronoUnit.DAYS);
        store.insertConsent(new Consent(UUID.randomUUID(), a.id(), bank.id(), "信贷系统", "甲银行", Purpose.TENANCY, false,
                longAgo, longAgo.plus(30, ChronoUnit.DAYS), null, 0, null), "self-service");
        report(bank, a, Purpose.TENANCY, null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_EXPIRED"));

        Consent leasing = consents.grant(a.id(), bank.id(), Purpose.LEASING, null, false);
        consents.withdraw(a.id(), leasing.id());
        report(bank, a, Purpose.LEASING, null).andExpect(jsonPath("$.code").value("CONSENT_WITHDRAWN"));
        assertThat(reports.about(a.id())).isEmpty();

        report(bank, a, Purpose.LENDING, code).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE));
        report(bank, a, Purpose.LENDING, code).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_USED"));
        assertThat(reports.about(a.id())).hasSize(1);
        assertThat(reports.about(b.id())).isEmpty();
    }

    /**
     * The report, the consent's use, the free-report count and the person's notice commit with the report's audit
     * event or not at all: an audit log that refuses the event leaves nothing a report was issued by.
     */
    /**
     * Issue #7, RULES.md §6: a child under 14 cannot let an institution pull their report alone (PIPL Art. 28, 31);
     * nothing is stored and the institution still has no consent. From the 14th birthday the person grants alone.
     */
    @Test
    void aChildUnder14CannotGrantAConsent() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        TestCitizens.Person registered = TestCitizens.register(subjects, "童小授", today.minusYears(14).plusDays(1));
        Person child = new Person(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, registered.number()))
                .orElseThrow(), registered.number(), registered.name());
        Institution bank = institution("信贷系统童", "己银行");

        assertThat(catchThrowableOfType(cn.chengxin.inquiry.domain.InquiryProblem.class,
                () -> consents.grant(child.id(), bank.id(), Purpose.LENDING, 30, true)).code())
                .isEqualTo("CONSENT_MINOR");
        assertThat(consents.of(child.id())).isEmpty();
        report(bank, child, Purpose.LENDING, null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_MISSING"));

        TestCitizens.Person fourteen = TestCitizens.register(subjects, "童十四", today.minusYears(14));
        UUID fourteenId = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, fourteen.number())).orElseThrow();
        assertThat(consents.grant(fourteenId, bank.id(), Purpose.LENDING, 30, true).subjectId()).isEqualTo(fourteenId);
    }

    @Test
    void aReportTheAuditLogRefusesIsNotKeptAndUsesNoConsentNorFreeReport() throws Exception {
        Person p = person("蓝审计");
        Institution bank = institution("信贷系统", "戊银行");
        Consent once = consents.grant(p.id(), bank.id(), Purpose.LENDING, 30, true);
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();
        int freeBefore = reports.freeReportsLeft(p.id());

        refuseReportEventsAbout(pseudonym, () -> {
            report(bank, p, Purpose.LENDING, null).andExpect(status().isServiceUnavailable());
            assertThatThrownBy(() -> reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL))
                    .isInstanceOf(AuditUnavailableException.class);
        });

        assertThat(reports.about(p.id())).isEmpty();
        assertThat(reports.freeReportsLeft(p.id())).isEqualTo(freeBefore);
        assertThat(store.consent(once.id()).orElseThrow().usedUp()).isFalse();
        assertThat(notices.of(p.id())).noneMatch(n -> n.kind().equals("CONSENT_USED"));
        report(bank, p, Purpose.LENDING, null).andExpect(status().isOk());
        assertThat(notices.of(p.id())).filteredOn(n -> n.kind().equals("CONSENT_USED")).hasSize(1);
    }

    /**
     * G6 (RULES.md §9; 征信业管理条例 Art. 18, 20; PIPL Art. 6): a hiring consent lets the employer take the
     * occupational report only. Asking for the authorised report is refused with its code, recorded, and issues
     * nothing nor uses the consent; asking for no kind yields the occupational report, without the score; a
     * lending consent still gives the authorised report and refuses the occupational one.
     */
    @Test
    void aHiringConsentYieldsTheOccupationalReportOnly() throws Exception {
        Person p = person("程聘书");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕861号");
        Institution employer = institution("招聘系统", "庚人力资源公司");
        Consent hiring = consents.grant(p.id(), employer.id(), Purpose.EMPLOYMENT, 30, true);
        String body = "{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"EMPLOYMENT\",\"format\":\"JSON\"";

        reportBody(employer, body + ",\"kind\":\"AUTHORISED\"}").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CONSENT_KIND_MISMATCH"));
        assertThat(reports.about(p.id())).isEmpty();
        assertThat(store.consent(hiring.id()).orElseThrow().uses()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE subject_pseudonym = ? AND result = 'DENIED' "
                        + "AND detail = 'reason=REFUSED; refusal=#problem.CONSENT_KIND_MISMATCH'")
                .param(subjects.pseudonymOf(p.id()).orElseThrow()).query(Long.class).single()).isOne();

        reportBody(employer, body + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("OCCUPATIONAL"))
                .andExpect(jsonPath("$.title").value("职业信用报告"))
                .andExpect(jsonPath("$.score").doesNotExist())
                .andExpect(jsonPath("$.negativeRecords[0].decisionNumber").value("驻市监罚〔2026〕861号"));
        assertThat(reports.about(p.id())).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL));

        Institution bank = institution("信贷系统聘", "庚银行");
        consents.grant(p.id(), bank.id(), Purpose.LENDING, 30, false);
        reportBody(bank, "{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"LENDING\",\"kind\":"
                + "\"OCCUPATIONAL\",\"format\":\"JSON\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_KIND_MISMATCH"));
        report(bank, p, Purpose.LENDING, null).andExpect(status().isOk());
        assertThat(reports.about(p.id())).extracting(r -> r.kind())
                .containsExactlyInAnyOrder(cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL,
                        cn.chengxin.inquiry.domain.ReportKind.AUTHORISED);
    }

    /**
     * G6: the consents page tells the person which report each purpose lets the institution take, before they
     * consent and beside each consent, in the reader's language.
     */
    @Test
    void theConsentsPageNamesTheReportTheInstitutionMayTake() throws Exception {
        Person p = person("宋知聘");
        consents.grant(p.id(), institution("招聘系统", "辛人力资源公司").id(), Purpose.EMPLOYMENT, 30, true);
        var citizen = authentication(citizen(p));

        String chinese = mvc.perform(get("/me/consents").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(consentRow(chinese, "辛人力资源公司")).contains("<td>入职招聘</td>",
                "<td data-field=\"kind\">职业信用报告</td>");
        assertThat(chinese).contains("授权用途决定机构可获取哪一种报告", "data-purpose=\"EMPLOYMENT\"")
                .containsPattern("<span>入职招聘</span>\\s*→ <span>职业信用报告</span>")
                .containsPattern("<span>信贷审批</span>\\s*→ <span>个人信用报告（授权查询版）</span>");

        String english = mvc.perform(get("/me/consents").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(consentRow(english, "辛人力资源公司")).contains("<td>Recruitment</td>",
                "<td data-field=\"kind\">Occupational credit report</td>");
        assertThat(english).contains("The purpose decides which report the institution may take")
                .containsPattern("<span>Recruitment</span>\\s*→ <span>Occupational credit report</span>")
                .doesNotContain("职业信用报告");
    }

    /** The citizen's consents page names the purposes in the reader's language (issue #5); Chinese as before. */
    @Test
    void theConsentsPageNamesPurposesInTheReadersLanguage() throws Exception {
        Person p = person("贺知秋");
        consents.grant(p.id(), institution("租赁系统", "丙租赁公司").id(), Purpose.TENANCY, 30, true);
        var citizen = authentication(citizen(p));

        assertThat(mvc.perform(get("/me/consents").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>Housing tenancy</td>", ">Recruitment</option>", ">Business cooperation</option>")
                .doesNotContain("<td>房屋租赁</td>", ">入职招聘</option>", ">商务合作</option>");
        assertThat(mvc.perform(get("/me/consents").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>房屋租赁</td>", "<option value=\"EMPLOYMENT\">入职招聘</option>", ">商务合作</option>");
    }

    /**
     * The citizen's and the console's reports pages name the kinds of report in the reader's language (issue #5);
     * Chinese as before.
     */
    @Test
    void theReportsPagesNameKindsInTheReadersLanguage() throws Exception {
        Person p = person("茅听雨");
        reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        var citizen = authentication(citizen(p));

        assertThat(mvc.perform(get("/me/reports").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>Occupational credit report</td>").doesNotContain("<td>职业信用报告</td>");
        assertThat(mvc.perform(get("/me/reports").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("<td>职业信用报告</td>");

        var staff = Principals.staff("gov-lang", "MARKET", Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);
        mvc.perform(governmentQuery(staff, p.number(), ""))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        assertThat(mvc.perform(get("/console/reports").param("lang", "en").with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("<td>Personal credit report (government-query edition)</td>")
                .doesNotContain("<td>个人信用报告（政务查询版）</td>");
        assertThat(mvc.perform(get("/console/reports").with(authentication(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("<td>个人信用报告（政务查询版）</td>");
    }

    @Test
    void anInstitutionsPdfCarriesOnlyWhatItMaySeeWithTheQueryRecordsAndNeverTheClearNumber() throws Exception {
        Person p = person("祁海燕");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕101号");
        submit(p, "P_ADMIN_PENALTY_MINOR", "驻市监罚〔2026〕909号");
        // A department's check and a state organ's query before: government-only looks, which the person's own
        // report lists and an institution's does not (RULES.md §2, §9).
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + p.number()
                        + "\",\"scenario\":\"INSPECTION\",\"purpose\":\"双随机抽查 2026-88\"}"))
                .andExpect(status().isOk());
        cn.chengxin.shared.security.Actor clerk = (cn.chengxin.shared.security.Actor) Principals.staff("gov-looker",
                "CREDIT_OFFICE", Permission.INQUIRY_GOVERNMENT).getPrincipal();
        cn.chengxin.support.AsStaff.as("gov-looker", () -> reports.forGovernment(clerk, p.number(), null,
                cn.chengxin.shared.security.StaffQueryPurpose.ADMINISTRATIVE_LICENSING, "许可受理 2026-055"));
        Institution bank = institution("信贷系统", "丙银行");
        consents.grant(p.id(), bank.id(), Purpose.LENDING, null, false);
        report(bank, p, Purpose.LENDING, null).andExpect(status().isOk());

        MockHttpServletResponse response = report(bank, p, Purpose.LENDING, null).andExpect(status().isOk())
                .andReturn().getResponse();
        String text = text(response.getContentAsByteArray()).replaceAll("\\s", "");
        assertThat(text).contains("个人信用报告（授权查询版）", "一、身份信息", "三、失信信息", "名单信息", "查询记录",
                "信用评分", "驻市监罚〔2026〕101号", response.getHeader("X-Report-Number"),
                subjects.profile(p.id()).orElseThrow().maskedNumber());
        assertThat(text).doesNotContain("驻市监罚〔2026〕909号").doesNotContain(p.number())
                .doesNotContain("未采集到该主体的信用记录").doesNotContain("双随机抽查2026-88").doesNotContain("许可受理2026-055").doesNotContain("gov-looker");
        Reports.Issued stored = reports.aboutSubject(p.id(), reports.about(p.id()).stream()
                .filter(r -> r.number().equals(response.getHeader("X-Report-Number"))).findFirst().orElseThrow()
                .id()).orElseThrow();
        assertThat(stored.content().queries()).as("the bank's first query, as organisation and purpose only")
                .singleElement().satisfies(q -> {
                    assertThat(q.organisation()).isEqualTo("丙银行");
                    assertThat(q.purpose()).isEqualTo("授权查询：" + Purpose.LENDING.label());
                    assertThat(q.querier()).isNull();
                    assertThat(q.authorised()).isTrue();
                });

        // The person's own full report carries the government-only record and every query.
        byte[] ownPdf = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).pdf();
        String own = text(ownPdf).replaceAll("\\s", "");
        assertThat(own).contains("驻市监罚〔2026〕909号", "丙银行", "双随机抽查2026-88", "许可受理2026-055")
                .doesNotContain(p.number()).doesNotContain("未采集到该主体的信用记录");

        // The person sees the query; the report verifies with its code and only with it.
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();
        assertThat(accesses.of(pseudonym, 20)).anySatisfy(access -> {
            assertThat(access.action()).isEqualTo("report.issue");
            assertThat(access.organisation()).isEqualTo("丙银行");
            assertThat(access.consentId()).isNotNull();
        });
        String number = response.getHeader("X-Report-Number");
        assertThat(reports.verify(number, response.getHeader("X-Verification-Code"))).hasValueSatisfying(v -> {
            assertThat(v.valid()).isTrue();
            assertThat(v.sm3()).isEqualTo(response.getHeader("X-Report-SM3"));
        });
        assertThat(reports.verify(number, "22222222")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'report.issue' AND detail LIKE ?")
                .param("%" + response.getHeader("X-Report-SM3") + "%").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Issue #7: a report in English. The API gives it for "language": "en" and refuses an unknown language before
     * anything is issued or any consent used; the person gets it from the English page. Its fixed text is English,
     * what is recorded stays in the Chinese stored, and it verifies by number and code with the digest of the PDF
     * handed out.
     */
    @Test
    void aReportInEnglishHasEnglishHeadingsKeepsRecordedTextAndVerifies() throws Exception {
        Person p = person("邢晓岚");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕733号");
        Institution bank = institution("信贷系统", "丁银行");
        Consent once = consents.grant(p.id(), bank.id(), Purpose.LENDING, null, true);

        reportBody(bank, "{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"LENDING\",\"language\":\"fr\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("REPORT_LANGUAGE_UNKNOWN"));
        assertThat(reports.about(p.id())).isEmpty();
        assertThat(store.consent(once.id()).orElseThrow().uses()).isZero();

        MockHttpServletResponse response = reportBody(bank, "{\"subjectNumber\":\"" + p.number()
                + "\",\"purpose\":\"LENDING\",\"language\":\"en\"}").andExpect(status().isOk())
                .andReturn().getResponse();
        String text = text(response.getContentAsByteArray());
        assertThat(text).contains("Personal credit report (authorised-query edition)", "1. Identity",
                "2. Good-faith records", "3. Negative records", "Lists", "Query records", "Credit score",
                "Verification code", "How to verify", "shown as recorded, in Chinese", "Page 1 of",
                response.getHeader("X-Report-Number"), subjects.profile(p.id()).orElseThrow().maskedNumber());
        assertThat(text.replaceAll("\\s", "")).contains("驻市监罚〔2026〕733号")
                .doesNotContain("一、身份信息", "三、失信信息", "查询记录", "核验方式", "第1页", p.number());
        assertThat(reports.verify(response.getHeader("X-Report-Number"), response.getHeader("X-Verification-Code")))
                .hasValueSatisfying(v -> {
                    assertThat(v.valid()).isTrue();
                    assertThat(v.sm3()).isEqualTo(Reports.sm3(response.getContentAsByteArray()))
                            .isEqualTo(response.getHeader("X-Report-SM3"));
                });

        // The person's own, asked from the English page: English in the stored PDF and in the page shown again.
        var citizen = authentication(citizen(p));
        String location = mvc.perform(post("/me/reports").param("kind", "OCCUPATIONAL").param("lang", "en")
                .with(citizen).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/me/reports/");
        assertThat(text(mvc.perform(get(location + ".pdf").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray())).contains("Occupational credit report", "1. Identity",
                "Query records");
        assertThat(mvc.perform(get(location).with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("<html lang=\"en\">", "<h2>1. Identity</h2>")
                .doesNotContain("一、身份信息");
        // From the Chinese page, Chinese as before.
        String chinese = mvc.perform(post("/me/reports").param("kind", "OCCUPATIONAL").with(citizen).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(text(mvc.perform(get(chinese + ".pdf").with(citizen)).andReturn().getResponse()
                .getContentAsByteArray()).replaceAll("\\s", "")).contains("职业信用报告", "一、身份信息", "核验方式")
                .doesNotContain("1. Identity");
    }

    /**
     * Issue #7: an English report words our vocabulary in English — the record's status and the pending lawsuit, the
     * severity, the document type, the gender, the purpose and basis, the person as a party, the whole file as what a
     * statement concerns, the score's grade, dimensions or reason — and prints no Chinese but what is recorded (the
     * name, the item, the department, the decision, the details, the statement); the Chinese report as before.
     */
    @Test
    void anEnglishReportWordsOurVocabularyInEnglishAndKeepsOnlyRecordedTextInChinese() throws Exception {
        Person p = person("英文词");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕811号");
        UUID record = creditFile.fileOf(p.id()).stream().findFirst().orElseThrow().recordKey();
        cn.chengxin.support.AsStaff.as("report-en", () -> proceedings.flag(p.id(), record,
                RecordProceeding.Kind.LAWSUIT, "（2026）豫1702行初81号", subjects.pseudonymOf(p.id()).orElseThrow()));
        statements.add(p.id(), null, "罚款已按期缴纳");
        Reports.Issued chinese = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL,
                cn.chengxin.inquiry.domain.ReportLanguage.ZH);
        Reports.Issued english = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL,
                cn.chengxin.inquiry.domain.ReportLanguage.EN);

        // The PDF breaks words in its narrow columns: compared without white space.
        String pdf = text(english.pdf()).replaceAll("\\s", "");
        assertThat(pdf).contains("Inforce(Underadministrativelitigation)", "General", "Residentidentitycard",
                "Querybytheperson", "Thepers", "RegulationontheAdministrationoftheCreditInvestigationIndustry,Art.17",
                "Thecreditfileasawhole", "Theplatform");
        assertThat(pdf).doesNotContain("有效", "行政诉讼中", "居民身份证", "本人查询", "征信业管理条例", "信用档案整体",
                "平台", "女", "男");
        ReportContent content = english.content();
        assertThat(content.score()).isNotNull();
        if (content.score().score() != null) {
            assertThat(pdf).contains(messageEn("me.score.grade." + content.score().gradeCode()).replaceAll("\\s", ""),
                    messageEn("me.score.dimension.LAW_ABIDING").replaceAll("\\s", ""));
        } else {
            assertThat(pdf).contains("Notscored:nolocalhouseholdorresidenceregistration").doesNotContain("不评分");
        }

        // Outside what is recorded, no Chinese character is left in the English page (the PDF wraps table cells).
        String page = reports.html(content).replaceAll("<style[^>]*>[^<]*</style>", "").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&amp;", "&");
        List<String> recorded = new java.util.ArrayList<>(List.of(content.identity().name(),
                Masking.personName(content.identity().name())));
        Stream.of(content.goodRecords(), content.negativeRecords(), content.otherRecords()).flatMap(List::stream)
                .forEach(x -> recorded.addAll(Stream.of(x.item(), x.department(), x.decisionNumber(), x.details())
                        .filter(java.util.Objects::nonNull).toList()));
        // the details' labels and values, which the English page separates in English
        Stream.of(content.goodRecords(), content.negativeRecords(), content.otherRecords()).flatMap(List::stream)
                .filter(x -> x.details() != null).forEach(x -> recorded.addAll(List.of(x.details().split("[：；]"))));
        content.statements().forEach(st -> recorded.add(st.text()));
        // who looked: staff names and organisations as the directory records them, not the person (本人, ours)
        content.queries().forEach(q -> Stream.of(q.querier(), q.organisation())
                .filter(t -> t != null && !t.equals("本人")).forEach(recorded::add));
        if (content.score().score() != null) {
            content.score().contributions().forEach(c -> recorded.add(c.label()));
        }
        recorded.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String text : recorded) {
            page = page.replace(text, "");
        }
        assertThat(page).doesNotContainPattern("\\p{IsHan}");

        // Its details read "label: value; label: value", not punctuated in Chinese; a list entry a rule proposed is
        // listed by the credit office, in English, under a department's proposal worded in English too (the rule's
        // legal basis is recorded text and stays as recorded).
        assertThat(Stream.of(content.goodRecords(), content.negativeRecords(), content.otherRecords())
                .flatMap(List::stream)).anySatisfy(x -> assertThat(x.details()).contains("：", "；"));
        assertThat(pdf).doesNotContain("：", "；");
        ReportContent listed = withList(content, new ReportContent.ListLine(cn.chengxin.listing.ListType.BLACK.label(), "部门认定",
                "《失信行为纠正后的信用信息修复管理办法》", "市信用办", java.time.LocalDate.of(2026, 3, 1),
                java.time.LocalDate.of(2029, 2, 28), cn.chengxin.listing.EntryStatus.EFFECTIVE.label(), false));
        String listedPdf = text(documents.pdf(listed)).replaceAll("\\s", "");
        assertThat(listedPdf).contains("Municipalcreditoffice", "Proposedbyadepartment",
                "《失信行为纠正后的信用信息修复管理办法》").doesNotContain("市信用办", "部门认定");
        String zhListed = text(documents.pdf(withList(chinese.content(), listed.lists().get(0))))
                .replaceAll("\\s", "");
        assertThat(zhListed).contains("市信用办", "部门认定");

        // The Chinese report words it all as before.
        String zh = text(chinese.pdf()).replaceAll("\\s", "");
        assertThat(zh).contains("有效（行政诉讼中）", "居民身份证", "本人查询", "征信业管理条例第十七条本人查询", "信用档案整体")
                .doesNotContain("Inforce", "Residentidentitycard");
    }

    /**
     * Gaps review xxxv O3: the PDF as issued stays untagged (bench/reports.sh's path: no structure tree, no MarkInfo),
     * and the same report's tagged (PDF/UA) form is there on request — structure tree with tables, header cells, the
     * heading and the QR code's alternative, MarkInfo, /Lang zh-CN (en for an English report), the title shown — the
     * same bytes at every rendering, so that its own SM3, kept at the first, verifies it on the verification page
     * beside the PDF's. 我的信用报告 offers it beside the PDF, each link named with its report (O9).
     */
    @Test
    void theTaggedPdfIsOfferedOnRequestAndVerifiesWhileTheIssuedOneStaysUntagged() throws Exception {
        Person p = person("标签化");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕913号");
        Reports.Issued chinese = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL,
                cn.chengxin.inquiry.domain.ReportLanguage.ZH);
        var citizen = authentication(citizen(p));

        byte[] plain = issuedPdf(chinese, citizen);
        assertThat(store.taggedSm3(chinese.id())).as("nothing rendered until asked for").isEmpty();

        byte[] tagged = renderedTwice(chinese, citizen, "accessible", "-accessible.pdf");
        assertTagged(tagged, "zh-CN", chinese.number());
        // Latin letters and digits need a font of their own once PDF/UA has removed the built-in ones.
        assertThat(text(tagged).replaceAll("\\s", "")).contains("个人信用报告", "驻市监罚〔2026〕913号",
                chinese.number());

        String taggedSm3 = Reports.sm3(tagged);
        assertThat(taggedSm3).isNotEqualTo(chinese.sm3());
        assertThat(store.taggedSm3(chinese.id())).contains(taggedSm3);
        assertThat(reports.verify(chinese.number(), chinese.verificationCode()).orElseThrow().taggedSm3())
                .isEqualTo(taggedSm3);
        // An address of its own: the per-address limit is shared with every class's checks from the loopback.
        assertThat(mvc.perform(post("/verify").param("number", chinese.number())
                        .param("code", chinese.verificationCode()).with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.77.0.14");
                            return r;
                        })).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("data-field=\"sm3\">" + chinese.sm3() + "</dd>",
                        "data-field=\"tagged-sm3\">" + taggedSm3 + "</dd>", "无障碍版 PDF 的校验值");

        Reports.Issued english = reports.tagged(reports.forSelf(p.id(),
                cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL, cn.chengxin.inquiry.domain.ReportLanguage.EN));
        assertTagged(english.pdf(), "en", english.number());
        assertThat(text(english.pdf())).contains("Occupational", english.number());

        String list = mvc.perform(get("/me/reports").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("href=\"/me/reports/" + chinese.id() + ".pdf?accessible=true\"",
                        "aria-label=\"无障碍版 PDF（屏幕阅读器）（报告 " + chinese.number() + "）\">无障碍版 PDF（屏幕阅读器）</a>",
                        "aria-label=\"PDF（报告 " + chinese.number() + "）\">PDF</a>",
                        "aria-label=\"JSON（报告 " + english.number() + "）\">JSON</a>", "<th scope=\"col\">文件</th>")
                .doesNotContain("<th scope=\"col\"></th>");
    }

    /**
     * Gaps review xxxv O3 (rest): the report in large print on request (大字版) — the tagged form in larger type (14 pt
     * text, none below 12 pt, A4 landscape) from the same snapshot, the same bytes at every rendering, its own SM3
     * kept at the first and shown by the verification page; offered on 我的信用报告 beside the accessible PDF and to
     * an institution on a fetch; the PDF as issued stays untagged and its small type unchanged.
     */
    @Test
    void theLargePrintPdfIsOfferedOnRequestAndVerifiesWhileTheIssuedOneStaysAsItWas() throws Exception {
        Person p = person("大字版");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕914号");
        Reports.Issued issued = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL,
                cn.chengxin.inquiry.domain.ReportLanguage.ZH);
        var citizen = authentication(citizen(p));

        byte[] plain = issuedPdf(issued, citizen);
        assertThat(store.largePrintSm3(issued.id())).as("nothing rendered until asked for").isEmpty();

        byte[] large = renderedTwice(issued, citizen, "largePrint", "-large-print.pdf");
        assertTagged(large, "zh-CN", issued.number());
        assertThat(text(large).replaceAll("\\s", "")).contains("个人信用报告", "驻市监罚〔2026〕914号", issued.number());
        // The type: the issued PDF's text is 7.5-9.5 pt (report.css), the large print's none below 12 pt; the body
        // text (the report's number in its facts) 14 pt against 9.5.
        assertThat(fontSizes(plain)).allSatisfy(size -> assertThat(size).isLessThan(18f));
        assertThat(median(fontSizes(plain))).isLessThan(10f);
        assertThat(fontSizes(large)).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11.9f));
        assertThat(sizeOf(large, issued.number()) / sizeOf(plain, issued.number())).isGreaterThanOrEqualTo(1.4f);
        try (PDDocument document = Loader.loadPDF(large)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).as("A4 landscape").isGreaterThan(box.getHeight());
        }

        String sm3 = Reports.sm3(large);
        assertThat(sm3).isNotEqualTo(issued.sm3());
        assertThat(store.largePrintSm3(issued.id())).contains(sm3);
        assertThat(store.taggedSm3(issued.id())).as("the accessible form's own, not asked for").isEmpty();
        assertThat(reports.verify(issued.number(), issued.verificationCode()).orElseThrow().largePrintSm3())
                .isEqualTo(sm3);
        // An address of its own: the per-address limit is shared with every class's checks from the loopback.
        assertThat(mvc.perform(post("/verify").param("number", issued.number())
                        .param("code", issued.verificationCode()).with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.77.0.15");
                            return r;
                        })).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("data-field=\"sm3\">" + issued.sm3() + "</dd>",
                        "data-field=\"large-print-sm3\">" + sm3 + "</dd>", "大字版 PDF 的校验值")
                .doesNotContain("data-field=\"tagged-sm3\"");

        String list = mvc.perform(get("/me/reports").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("href=\"/me/reports/" + issued.id() + ".pdf?largePrint=true\"",
                "aria-label=\"大字版 PDF（报告 " + issued.number() + "）\">大字版 PDF</a>");

        Institution bank = institution("信贷系统", "癸大字银行");
        consents.grant(p.id(), bank.id(), Purpose.LENDING, 30, false);
        MockHttpServletResponse answer = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", "Bearer " + bank.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"LENDING\","
                                + "\"largePrint\":true}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        UUID id = UUID.fromString(answer.getHeader("X-Report-Id"));
        assertThat(answer.getHeader("X-Report-SM3")).isEqualTo(Reports.sm3(answer.getContentAsByteArray()))
                .isNotEqualTo(store.report(id).orElseThrow().sm3());
        assertThat(store.largePrintSm3(id)).contains(answer.getHeader("X-Report-SM3"));
        assertThat(fontSizes(answer.getContentAsByteArray()))
                .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11.9f));
        assertThat(mvc.perform(get("/api/v1/reports/" + id).param("largePrint", "true")
                        .header("Authorization", "Bearer " + bank.key())).andExpect(status().isOk())
                .andExpect(header().string("X-Report-SM3", answer.getHeader("X-Report-SM3")))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(answer.getContentAsByteArray());
    }

    /** The PDF as issued, downloaded on 我的信用报告: its bytes are the issued SM3's, untagged. */
    private byte[] issuedPdf(Reports.Issued issued, RequestPostProcessor citizen) throws Exception {
        byte[] plain = mvc.perform(get("/me/reports/" + issued.id() + ".pdf").with(citizen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Reports.sm3(plain)).isEqualTo(issued.sm3());
        assertUntagged(plain);
        return plain;
    }

    /** A form rendered on request ({@code parameter} true), downloaded twice: the same bytes, the file so named. */
    private byte[] renderedTwice(Reports.Issued issued, RequestPostProcessor citizen, String parameter, String file)
            throws Exception {
        byte[] first = mvc.perform(get("/me/reports/" + issued.id() + ".pdf").param(parameter, "true")
                        .with(citizen)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(issued.number() + file)))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] again = mvc.perform(get("/me/reports/" + issued.id() + ".pdf").param(parameter, "true")
                .with(citizen)).andReturn().getResponse().getContentAsByteArray();
        assertThat(again).as("the same bytes at every rendering").isEqualTo(first);
        return first;
    }

    /** The size in points of every character a PDF draws; it draws some. */
    private static List<Float> fontSizes(byte[] pdf) throws Exception {
        List<Float> sizes = cn.chengxin.support.PdfText.fontSizes(pdf);
        assertThat(sizes).isNotEmpty();
        return sizes;
    }

    /** The size in points of the first character of the first run of text holding {@code run}. */
    private static float sizeOf(byte[] pdf, String run) throws Exception {
        List<Float> found = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    int at = text.indexOf(run);
                    if (found.isEmpty() && at >= 0 && at < positions.size()) {
                        found.add(positions.get(at).getFontSizeInPt());
                    }
                }
            }.getText(document);
        }
        assertThat(found).as(run).isNotEmpty();
        return found.get(0);
    }

    private static float median(List<Float> sizes) {
        return sizes.stream().sorted().toList().get(sizes.size() / 2);
    }

    /**
     * Gaps review xxxv O3: an institution asks for the tagged PDF in its query (accessible, in the body) and when it
     * fetches the report again (a parameter): X-Report-SM3 is the tagged form's; the report issued and stored is the
     * untagged PDF, which the same fetch without the parameter answers.
     */
    @Test
    void anInstitutionGetsTheTaggedPdfWhenItAsksForIt() throws Exception {
        Person p = person("标签询");
        Institution bank = institution("信贷系统", "癸标签银行");
        consents.grant(p.id(), bank.id(), Purpose.LENDING, 30, false);

        MockHttpServletResponse answer = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", "Bearer " + bank.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"LENDING\",\"accessible\":true}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] tagged = answer.getContentAsByteArray();
        String number = answer.getHeader("X-Report-Number");
        assertTagged(tagged, "zh-CN", number);
        assertThat(answer.getHeader("X-Report-SM3")).isEqualTo(Reports.sm3(tagged));
        UUID id = UUID.fromString(answer.getHeader("X-Report-Id"));
        JdbcInquiry.IssuedReport stored = store.report(id).orElseThrow();
        assertThat(stored.sm3()).as("the PDF issued is the untagged one").isNotEqualTo(Reports.sm3(tagged));
        assertThat(store.taggedSm3(id)).contains(Reports.sm3(tagged));

        MockHttpServletResponse plain = mvc.perform(get("/api/v1/reports/" + id)
                .header("Authorization", "Bearer " + bank.key())).andExpect(status().isOk()).andReturn().getResponse();
        assertUntagged(plain.getContentAsByteArray());
        assertThat(plain.getHeader("X-Report-SM3")).isEqualTo(stored.sm3())
                .isEqualTo(Reports.sm3(plain.getContentAsByteArray()));
        assertThat(mvc.perform(get("/api/v1/reports/" + id).param("accessible", "true")
                        .header("Authorization", "Bearer " + bank.key())).andExpect(status().isOk())
                .andExpect(header().string("X-Report-SM3", Reports.sm3(tagged)))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(tagged);
    }

    /**
     * Gaps review xxxv O9: 授权管理's action column has a header a screen reader reads, and each row's button is named
     * with the institution it withdraws from, in the reader's language.
     */
    @Test
    void theConsentsTableNamesItsActionColumnAndEachRowsButton() throws Exception {
        Person p = person("名行动");
        consents.grant(p.id(), institution("信贷系统", "壬名银行").id(), Purpose.LENDING, 30, true);
        var citizen = authentication(citizen(p));
        assertThat(mvc.perform(get("/me/consents").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString())
                .contains("<th scope=\"col\"><span class=\"sr-only\">操作</span></th>",
                        "aria-label=\"撤回对壬名银行的授权\">撤回</button>")
                .doesNotContain("<th scope=\"col\"></th>");
        assertThat(mvc.perform(get("/me/consents").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<span class=\"sr-only\">Actions</span>",
                        "aria-label=\"Withdraw the consent given to 壬名银行\">Withdraw</button>");
    }

    private static void assertUntagged(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).as("untagged: bench/reports.sh's path unchanged").isNull();
            assertThat(catalog.getMarkInfo()).isNull();
            assertThat(catalog.getLanguage()).isNull();
        }
    }

    /** A tagged PDF: structure tree, MarkInfo/Marked, /Lang, the title shown, tables, headers, the QR's alternative. */
    private static void assertTagged(byte[] pdf, String language, String number) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo(language);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).endsWith(number);
            assertThat(structureText(catalog.getStructureTreeRoot().getKids())).contains("/Table", "/TH", "/Figure",
                    "/H1");
            var figures = new java.util.ArrayList<String>();
            alternatives(catalog.getStructureTreeRoot().getKids(), figures);
            assertThat(figures).as("the QR code's alternative").anySatisfy(alt -> assertThat(alt).isNotBlank());
        }
    }

    /** The structure types of a tagged PDF's tree, "/Type" each, in order. */
    private static String structureText(List<Object> kids) {
        StringBuilder out = new StringBuilder();
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                out.append('/').append(e.getStructureType()).append(' ').append(structureText(e.getKids()));
            }
        }
        return out.toString();
    }

    private static void alternatives(List<Object> kids, List<String> figures) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    figures.add(e.getAlternateDescription());
                }
                alternatives(e.getKids(), figures);
            }
        }
    }

    @Autowired
    org.springframework.context.MessageSource messageSource;

    @Autowired
    cn.chengxin.inquiry.pdf.ReportDocuments documents;

    /** The report with this one list entry. */
    private static ReportContent withList(ReportContent r, ReportContent.ListLine line) {
        return new ReportContent(r.number(), r.verificationCode(), r.kind(), r.title(), r.purpose(), r.legalBasis(),
                r.requester(), r.generatedAt(), r.validUntil(), r.identity(), r.goodRecords(), r.negativeRecords(),
                r.otherRecords(), List.of(line), r.statements(), r.score(), r.scoreWithheld(), r.queries(),
                r.verifyUrl(), r.language());
    }

    private String messageEn(String key) {
        return messageSource.getMessage(key, null, java.util.Locale.ENGLISH);
    }

    @Test
    void theThirdFreeFullReportOfTheYearIsRefusedWithAClearMessage() throws Exception {
        Person p = person("黎向阳");
        var citizen = citizen(p);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/me/reports").param("kind", "SELF_FULL").with(csrf()).with(authentication(citizen)))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey",
                            "me.report.generated"));
        }
        mvc.perform(post("/me/reports").param("kind", "SELF_FULL").with(csrf()).with(authentication(citizen)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "FREE_REPORTS_USED"));
        assertThat(reports.about(p.id())).hasSize(2);
        String page = mvc.perform(get("/me/reports").with(authentication(citizen))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("今年还可免费获取 0 次");
    }

    @Test
    void anotherPersonsReportIsNotFoundAndTheAttemptIsRecorded() throws Exception {
        Person owner = person("穆清和");
        Person stranger = person("景文博");
        UUID id = reports.forSelf(owner.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).id();
        mvc.perform(get("/me/reports/" + id + ".pdf").with(authentication(citizen(owner))))
                .andExpect(status().isOk());
        mvc.perform(get("/me/reports/" + id + ".pdf").with(authentication(citizen(stranger))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/reports/" + id).with(authentication(citizen(stranger))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'self.report' AND result = 'DENIED' "
                + "AND detail LIKE ?").param("%" + id + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void markupInAStatementIsPrintedAsTextInHtmlAndPdf() throws Exception {
        Person p = person("巫雨桐");
        String markup = "<script>alert('x')</script><b>我已履行全部义务</b>";
        statements.add(p.id(), null, markup);
        UUID id = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).id();
        String html = mvc.perform(get("/me/reports/" + id).with(authentication(citizen(p)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>我已")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;我已履行全部义务&lt;/b&gt;");
        byte[] pdf = mvc.perform(get("/me/reports/" + id + ".pdf").with(authentication(citizen(p)))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(text(pdf).replaceAll("\\s", "")).contains(markup.replaceAll("\\s", ""));
    }

    /**
     * RULES.md §5: a pending lawsuit shows with its record in the report, PDF and page, as the dispute mark does, and
     * only with that record; a report issued while it was pending keeps it (the snapshot), one issued after it was
     * cleared has none.
     */
    @Test
    void aRecordUnderLitigationCarriesTheFlagInTheReportUntilItIsCleared() throws Exception {
        Person p = person("祁诉讼");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕141号");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕142号");
        UUID record = creditFile.fileOf(p.id()).stream()
                .filter(e -> e.decisionNumber().equals("驻市监罚〔2026〕141号")).findFirst().orElseThrow().recordKey();
        UUID flag = cn.chengxin.support.AsStaff.as("report-pp", () -> proceedings.flag(p.id(), record,
                RecordProceeding.Kind.LAWSUIT, "（2026）豫1702行初41号", subjects.pseudonymOf(p.id()).orElseThrow()));

        Reports.Issued flagged = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL);
        String text = text(flagged.pdf()).replaceAll("\\s", "");
        assertThat(text).containsOnlyOnce("行政诉讼中").contains("行政复议、行政诉讼待结：信用记录1条")
                .doesNotContain("行政复议中").doesNotContain("（2026）豫1702行初41号");
        String page = mvc.perform(get("/me/reports/" + flagged.id()).with(authentication(citizen(p)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(row(page, "驻市监罚〔2026〕141号")).contains("行政诉讼中");
        assertThat(row(page, "驻市监罚〔2026〕142号")).doesNotContain("行政诉讼中");

        cn.chengxin.support.AsStaff.as("report-pp", () -> {
            proceedings.clear(flag);
            return null;
        });
        Reports.Issued after = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL);
        assertThat(text(after.pdf()).replaceAll("\\s", "")).contains("驻市监罚〔2026〕141号")
                .doesNotContain("行政诉讼中").doesNotContain("待结");
        assertThat(mvc.perform(get("/me/reports/" + flagged.id()).with(authentication(citizen(p)))).andReturn()
                .getResponse().getContentAsString()).as("the earlier report as issued").contains("行政诉讼中");
    }

    /**
     * Issue #4: a report gives each record the severity of the item version it was stored under. A later version
     * making the item serious does not make a record stored before it serious in the report, while one stored after
     * it is.
     */
    @Test
    void aRecordIsReportedWithTheSeverityOfTheItemVersionItWasStoredUnder() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_REPORT_VER_", "按版本报告的行政处罚");
        Person p = person("严旧报");
        submit(p, code, "驻市监罚〔2026〕831号");
        CatalogueVersions.draft(catalogue, CatalogueVersions.ofSeverity(catalogue.active(code).orElseThrow()
                .definition(), Severity.SERIOUS));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        submit(p, code, "驻市监罚〔2026〕832号");

        List<ReportContent.RecordLine> negative = reports.forSelf(p.id(),
                cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).content().negativeRecords();
        assertThat(negative).extracting(ReportContent.RecordLine::decisionNumber, ReportContent.RecordLine::severity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("驻市监罚〔2026〕831号", "一般"),
                        org.assertj.core.groups.Tuple.tuple("驻市监罚〔2026〕832号", "严重"));
    }

    /** A statement is printed for third parties: a number written into it is kept and printed masked (§10). */
    @Test
    void anIdentityNumberWrittenIntoAStatementIsKeptMasked() throws Exception {
        Person p = person("巫雨林");
        statements.add(p.id(), null, "本人（" + p.number() + "）已履行全部义务");

        assertThat(statements.of(p.id())).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo("本人（" + Masking.identityNumber(p.number()) + "）已履行全部义务"));
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * M5: a Hong Kong resident's permit, a passport and a phone written into a statement are kept masked, and one stored
     * in clear before masking knew them is printed masked in the report every institution receives.
     */
    @Test
    void aPermitPassportOrPhoneInAStatementIsKeptAndPrintedMasked() throws Exception {
        Person p = person("巫港生");
        statements.add(p.id(), null, "本人港澳通行证 H12345678，电话 13912345678，该处罚已撤销");
        assertThat(statements.of(p.id())).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo("本人港澳通行证 H1*****78，电话 139****5678，该处罚已撤销"));
        jdbc.sql("UPDATE inquiry.statement SET text = ? WHERE subject_id = ?")
                .params("本人护照 E87654321，电话 13912345678，该处罚已撤销", p.id()).update();

        UUID id = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.SELF_FULL).id();
        String html = mvc.perform(get("/me/reports/" + id).with(authentication(citizen(p)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("本人护照 E8*****21，电话 139****5678").doesNotContain("E87654321")
                .doesNotContain("13912345678");
    }

    @Test
    void guessingReportNumbersIsRateLimitedAndRevealsNothingWithoutTheCode() throws Exception {
        Person p = person("房远志");
        Reports.Issued issued = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        String withoutCode = mvc.perform(post("/verify").param("number", issued.number()).param("code", "ZZZZZZZZ")
                        .with(csrf()).with(r -> {
                            r.setRemoteAddr("10.77.0.1");
                            return r;
                        }))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withoutCode).contains("未能核验").doesNotContain(p.name().substring(0, 1) + "*")
                .doesNotContain("有效期至");
        String right = mvc.perform(post("/verify").param("number", issued.number())
                .param("code", issued.verificationCode()).with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.0.1");
                    return r;
                })).andReturn().getResponse().getContentAsString();
        assertThat(right).contains("真实有效", issued.sm3());
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = mvc.perform(post("/verify").param("number", "XY20261130" + String.format("%012d", i))
                    .param("code", "ABCDEFGH").with(csrf()).with(r -> {
                        r.setRemoteAddr("10.77.0.1");
                        return r;
                    })).andReturn().getResponse().getStatus();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isGreaterThanOrEqualTo(4);
    }

    /**
     * Issue #7: the verification page follows the site's language, the report's kind and the person as requester
     * too; an English report's QR code opens it in English. Only the masked name stays as recorded.
     */
    @Test
    void theVerificationPageIsInEnglishOnTheEnglishSiteAndFromAnEnglishReport() throws Exception {
        Person p = person("房英文");
        Reports.Issued english = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL,
                cn.chengxin.inquiry.domain.ReportLanguage.EN);
        // The code in the fragment, which the page's script posts (VerificationLink); the language in the query.
        assertThat(english.content().verifyUrl()).endsWith("/verify?lang=en#n=" + english.number() + "&c="
                + english.verificationCode());
        String page = mvc.perform(post("/verify").param("lang", "en").param("number", english.number())
                .param("code", english.verificationCode()).with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.0.3");
                    return r;
                })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertThat(main).contains("Verify a report", "Occupational credit report", "The person",
                "Issued by this platform and valid.", english.sm3());
        // The person's masked name is the only Chinese allowed, shown masked and said in parts (gaps review xxxv O7).
        var spoken = new cn.chengxin.shared.web.MaskedWords().of(Masking.personName(p.name()));
        assertThat(main.replaceAll("<[^>]+>", " ").replace(Masking.personName(p.name()), "")
                .replace(spoken.head(), "").replace(spoken.tail(), ""))
                .doesNotContainPattern("\\p{IsHan}");

        Reports.Issued chinese = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        assertThat(chinese.content().verifyUrl()).doesNotContain("lang=");
        String zh = mvc.perform(post("/verify").param("number", chinese.number())
                .param("code", chinese.verificationCode()).with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.0.3");
                    return r;
                })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("职业信用报告", ">本人<", "真实有效").doesNotContain("Occupational credit report");
    }

    /**
     * Issue #7: on the English pages the person reads who looked at their data and the reports about them, our own
     * purposes, bases and parties are in English; the Chinese pages show them as stored.
     */
    @Test
    void theEnglishAccessLogAndReportListWordOurPurposesInEnglish() throws Exception {
        Person p = person("访英文");
        Institution bank = institution("信贷系统英", "戊银行");
        consents.grant(p.id(), bank.id(), Purpose.LENDING, null, false);
        report(bank, p, Purpose.LENDING, null).andExpect(status().isOk());
        var citizen = authentication(citizen(p));

        String access = mvc.perform(get("/me/access").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(access, "戊银行")).contains("Authorised query: Credit approval",
                "Regulation on the Administration of the Credit Investigation Industry, Art. 18")
                .doesNotContain("授权查询", "征信业管理条例");
        String list = mvc.perform(get("/me/reports").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Authorised query: Credit approval").doesNotContain("授权查询：信贷审批");

        assertThat(row(mvc.perform(get("/me/access").with(citizen)).andReturn().getResponse().getContentAsString(),
                "戊银行")).contains("授权查询：信贷审批", "征信业管理条例 第十八条");
    }

    /** A verification that shows the summary is a look at the person's data: the person sees it (RULES.md §10). */
    /**
     * M4 of gaps-review-xxxi: six months after its validity ended, a report's snapshot and PDF are emptied by the
     * nightly retention; its download is refused with REPORT_EMPTIED, its verification still answers with the kind,
     * summary and SM3 and says it is past its retention. A report still within its period keeps both.
     */
    @Test
    void aReportSixMonthsPastItsValidityLosesItsPdfAndStillVerifies() throws Exception {
        Person p = person("柏存期");
        Reports.Issued old = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        Reports.Issued recent = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        java.time.ZonedDateTime now = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
        jdbc.sql("UPDATE inquiry.report SET valid_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now.minusMonths(6).minusDays(1).toInstant()), old.id()).update();
        jdbc.sql("UPDATE inquiry.report SET valid_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now.minusMonths(5).toInstant()), recent.id()).update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        String row = "SELECT content IS NULL AND pdf IS NULL AND emptied_at IS NOT NULL FROM inquiry.report WHERE id = ?";
        assertThat(jdbc.sql(row).param(old.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql(row).param(recent.id()).query(Boolean.class).single()).as("within its period").isFalse();
        assertThat(jdbc.sql("SELECT number || ' ' || sm3 FROM inquiry.report WHERE id = ?").param(old.id())
                .query(String.class).single()).isEqualTo(old.number() + " " + old.sm3());
        mvc.perform(get("/me/reports/" + old.id() + ".pdf").with(authentication(citizen(p))))
                .andExpect(status().isConflict());
        mvc.perform(get("/me/reports/" + recent.id() + ".pdf").with(authentication(citizen(p))))
                .andExpect(status().isOk());
        assertThat(catchThrowableOfType(cn.chengxin.shared.CodedProblem.class,
                () -> reports.aboutSubject(p.id(), old.id())).code()).isEqualTo("REPORT_EMPTIED");

        assertThat(reports.verify(old.number(), old.verificationCode())).hasValueSatisfying(v -> {
            assertThat(v.emptied()).isTrue();
            assertThat(v.valid()).isFalse();
            assertThat(v.sm3()).isEqualTo(old.sm3());
        });
        mvc.perform(post("/verify").param("number", old.number()).param("code", old.verificationCode())
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.0.9");
                    return r;
                })).andExpect(status().isOk()).andExpect(content().string(containsString("已超过保存期限")))
                .andExpect(content().string(containsString(old.sm3())));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.report-retention' ORDER BY seq DESC "
                + "LIMIT 1").query(String.class).single()).startsWith("reason=REPORTS_EMPTIED; reports=");
        assertThat(jdbc.sql("SELECT content_key_version IS NULL AND pdf_key_version IS NULL FROM inquiry.report "
                + "WHERE id = ?").param(old.id()).query(Boolean.class).single()).as("nothing sealed left").isTrue();

        // 我的信用报告 links no download of the emptied report, which would only be refused, and says why.
        String list = mvc.perform(get("/me/reports").with(authentication(citizen(p)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(list, old.number())).contains("data-field=\"emptied\"", "已超过保存期限，文件已删除")
                .doesNotContain("/me/reports/" + old.id());
        assertThat(row(list, recent.number())).contains("/me/reports/" + recent.id() + ".pdf")
                .doesNotContain("已超过保存期限");
    }

    /**
     * M4 of gaps-review-xxxi (PIPL Art. 51, RULES.md §10): an issued report's snapshot and PDF are stored sealed for
     * their row, never in clear, under the current key version; the PDF and JSON still download as issued, the PDF's
     * SM3 is still that of the PDF handed out, and verification answers as before. A sealed PDF moved to another report
     * does not open.
     */
    @Test
    void anIssuedReportIsStoredSealedAndStillDownloadsAndVerifies() throws Exception {
        Person p = person("柏封存");
        Reports.Issued issued = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        Reports.Issued other = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);

        var stored = jdbc.sql("SELECT content, content_key_version, pdf, pdf_key_version FROM inquiry.report "
                        + "WHERE id = ?").param(issued.id())
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getInt(4)}).single();
        byte[] content = (byte[]) stored[0];
        byte[] pdf = (byte[]) stored[2];
        assertThat(stored[1]).isEqualTo(1);
        assertThat(stored[3]).isEqualTo(1);
        assertThat(pdf).isNotEqualTo(issued.pdf()).hasSize(issued.pdf().length + 28);
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isNotEqualTo("%PDF");
        String contentAsText = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(contentAsText).doesNotContain(issued.number(), "\"number\"", Masking.personName(p.name()));

        var citizen = authentication(citizen(p));
        byte[] downloaded = mvc.perform(get("/me/reports/" + issued.id() + ".pdf").with(citizen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(issued.pdf());
        assertThat(Reports.sm3(downloaded)).isEqualTo(issued.sm3())
                .isEqualTo(jdbc.sql("SELECT sm3 FROM inquiry.report WHERE id = ?").param(issued.id())
                        .query(String.class).single());
        mvc.perform(get("/me/reports/" + issued.id() + ".json").with(citizen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(issued.number()));
        mvc.perform(get("/me/reports/" + issued.id()).with(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString(issued.number())));
        mvc.perform(post("/verify").param("number", issued.number()).param("code", issued.verificationCode())
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.0.12");
                    return r;
                })).andExpect(status().isOk()).andExpect(content().string(containsString("真实有效")))
                .andExpect(content().string(containsString(issued.sm3())));

        byte[] othersPdf = jdbc.sql("SELECT pdf FROM inquiry.report WHERE id = ?").param(other.id())
                .query(byte[].class).single();
        jdbc.sql("UPDATE inquiry.report SET pdf = ? WHERE id = ?").params(pdf, other.id()).update();
        assertThatThrownBy(() -> reports.aboutSubject(p.id(), other.id())).as("bound to its row")
                .isInstanceOf(IllegalStateException.class);
        jdbc.sql("UPDATE inquiry.report SET pdf = ? WHERE id = ?").params(othersPdf, other.id()).update();
        assertThat(reports.aboutSubject(p.id(), other.id()).orElseThrow().pdf()).isEqualTo(other.pdf());
    }

    @Autowired
    ReportRetention retention;

    @Autowired
    java.time.Clock clock;

    @Test
    void aSuccessfulVerificationIsRecordedAgainstThePerson() throws Exception {
        Person p = person("房核验");
        Reports.Issued issued = reports.forSelf(p.id(), cn.chengxin.inquiry.domain.ReportKind.OCCUPATIONAL);
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();
        mvc.perform(post("/verify").param("number", issued.number()).param("code", "ZZZZZZZZ").with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.77.0.2");
                    return r;
                })).andExpect(status().isOk());
        String verifications = "SELECT actor_kind, detail FROM audit.event WHERE action = 'report.verify' "
                + "AND subject_pseudonym = ?";
        assertThat(jdbc.sql(verifications).param(pseudonym).query(String.class).list()).as("nothing shown").isEmpty();

        mvc.perform(post("/verify").param("number", issued.number()).param("code", issued.verificationCode())
                .with(csrf()).with(r -> {
            r.setRemoteAddr("10.77.0.2");
            return r;
        })).andExpect(status().isOk()).andExpect(content().string(containsString("真实有效")));
        assertThat(jdbc.sql(verifications).param(pseudonym)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single())
                .satisfies(e -> {
                    assertThat(e.get(0)).isEqualTo("ANONYMOUS");
                    assertThat(e.get(1)).contains(issued.number());
                });
        assertThat(mvc.perform(get("/me/access").with(authentication(citizen(p)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("核验信用报告");
    }

    @Test
    void aGovernmentQueryCarriesGovernmentItemsAndRecordsTheStaffPurposeBasisAndCase() throws Exception {
        Person p = person("邵明远");
        submit(p, "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕301号");
        submit(p, "P_ADMIN_PENALTY_MINOR", "驻市监罚〔2026〕302号");
        // The credit office's clerk: a department would get the government-shared records of its data scope only.
        cn.chengxin.shared.security.Actor clerk = (cn.chengxin.shared.security.Actor) Principals.staff("gov-clerk",
                "CREDIT_OFFICE", Permission.INQUIRY_GOVERNMENT).getPrincipal();
        Reports.Issued issued = cn.chengxin.support.AsStaff.as("gov-clerk", () -> reports.forGovernment(clerk,
                p.number(), null, cn.chengxin.shared.security.StaffQueryPurpose.ADMINISTRATIVE_LICENSING,
                "许可受理 2026-017"));
        assertThat(text(issued.pdf()).replaceAll("\\s", "")).contains("个人信用报告（政务查询版）",
                "驻市监罚〔2026〕301号", "驻市监罚〔2026〕302号", "行政许可审查（许可受理2026-017）")
                .doesNotContain(p.number());
        var event = jdbc.sql("SELECT actor_name, purpose, legal_basis FROM audit.event WHERE action = 'report.issue' "
                        + "AND detail LIKE ?").param("%" + issued.number() + "%")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(event.get(0)).isEqualTo("gov-clerk");
        assertThat(event.get(1)).contains("许可受理 2026-017");
        assertThat(event.get(2)).isEqualTo(cn.chengxin.shared.security.StaffQueryPurpose.ADMINISTRATIVE_LICENSING
                .legalBasis());
        assertThat(catchThrowableOfType(cn.chengxin.inquiry.domain.InquiryProblem.class, () -> reports.forGovernment(
                cn.chengxin.audit.AuditLog.currentActor(), p.number(), null,
                cn.chengxin.shared.security.StaffQueryPurpose.ADMINISTRATIVE_LICENSING, " ")).code())
                .isEqualTo("PURPOSE_REQUIRED");
    }

    /**
     * Staff download a report they obtained again only while it is valid, and each download is recorded against the
     * person under the purpose the report was obtained for (RULES.md §9).
     */
    @Test
    void aGovernmentReportDownloadedAgainIsRecordedAndRefusedOnceExpired() throws Exception {
        Person p = person("谭下载");
        var staff = Principals.staff("gov-dl", "MARKET", Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);
        mvc.perform(governmentQuery(staff, p.number(), ""))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        UUID id = reports.about(p.id()).get(0).id();
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();

        mvc.perform(get("/console/reports/" + id + ".pdf").with(authentication(staff))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE));
        var event = jdbc.sql("SELECT category, actor_name, purpose, legal_basis FROM audit.event "
                        + "WHERE action = 'report.download' AND subject_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        assertThat(event).containsExactly("QUERY", "gov-dl", "政务查询：行政许可审查（许可受理 2026-031）",
                cn.chengxin.shared.security.StaffQueryPurpose.ADMINISTRATIVE_LICENSING.legalBasis());
        assertThat(accesses.of(pseudonym, 20)).anySatisfy(a -> assertThat(a.action()).isEqualTo("report.download"));

        // Large print (大字版) on request from the staff member's list, for a person who reads small type with
        // difficulty: the same report, type none below 12 pt, its own SM3 kept for the verification page.
        assertThat(mvc.perform(get("/console/reports").with(authentication(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("href=\"/console/reports/" + id + ".pdf?largePrint=true\"");
        byte[] large = mvc.perform(get("/console/reports/" + id + ".pdf").param("largePrint", "true")
                        .with(authentication(staff))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("-large-print.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(fontSizes(large)).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11.9f));
        assertThat(store.largePrintSm3(id)).contains(Reports.sm3(large));

        jdbc.sql("UPDATE inquiry.report SET valid_until = now() - interval '1 day' WHERE id = ?").param(id).update();
        assertThat(mvc.perform(get("/console/reports/" + id + ".pdf").with(authentication(staff)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString()).contains("已过有效期");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'report.download' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single())
                .as("the two downloads while it was valid").isEqualTo(2);
    }

    /**
     * A passport holder's report is obtained by naming the document type, code or label: by an institution with their
     * consent and by staff in the console; an unknown type is refused with its code, and without a type the number is
     * read as a resident identity number and refused as before (issue #7).
     */
    @Test
    void aPassportHoldersReportIsObtainedByNamingTheDocumentType() throws Exception {
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯",
                LocalDate.of(1980, 5, 5), null, List.of(), List.of(), false));
        Institution bank = institution("信贷系统", "丁银行");
        consents.grant(holder, bank.id(), Purpose.LENDING, null, false);
        String typed = "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"purpose\":\"LENDING\"}";

        byte[] pdf = reportBody(bank, typed).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(text(pdf).replaceAll("\\s", "")).contains("个人信用报告（授权查询版）", "护照",
                Masking.identityNumber(passport)).doesNotContain(passport);
        reportBody(bank, typed.replace("\"PASSPORT\"", "\"护照\"")).andExpect(status().isOk());
        reportBody(bank, typed.replace("\"PASSPORT\"", "\"驾驶证\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DOCUMENT_TYPE_UNKNOWN"));
        reportBody(bank, typed.replace(",\"documentType\":\"PASSPORT\"", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ID_FORMAT"));
        assertThat(reports.about(holder)).hasSize(2);

        var staff = Principals.staff("gov-pp", "MARKET", Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);
        mvc.perform(get("/console/reports").with(authentication(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"documentType\"")))
                .andExpect(content().string(containsString("护照")));
        mvc.perform(governmentQuery(staff, passport, "PASSPORT"))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        mvc.perform(governmentQuery(staff, passport, "驾驶证"))
                .andExpect(flash().attribute("failureCode", "DOCUMENT_TYPE_UNKNOWN"));
        mvc.perform(governmentQuery(staff, passport, ""))
                .andExpect(flash().attribute("failureCode", "ID_FORMAT"));
        assertThat(reports.about(holder)).hasSize(3);
    }

    // ---- helpers ----

    private record Person(UUID id, String number, String name) {
    }

    private record Institution(UUID id, String key) {
    }

    private Person person(String name) {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        return new Person(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow(),
                p.number(), name);
    }

    private Institution institution(String name, String organisation) {
        ApiClients.IssuedKey key = apiClients.issue(name, organisation, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        return new Institution(key.clientId(), key.key());
    }

    private ResultActions report(Institution institution, Person subject, Purpose purpose, String code)
            throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + institution.key())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + subject.number() + "\",\"purpose\":\"" + purpose + "\""
                        + (code == null ? "" : ",\"authorisationCode\":\"" + code + "\"") + "}"));
    }

    private ResultActions reportBody(Institution institution, String json) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + institution.key())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static org.springframework.test.web.servlet.RequestBuilder governmentQuery(
            UsernamePasswordAuthenticationToken staff, String number, String documentType) {
        return post("/console/reports").param("documentType", documentType).param("number", number)
                .param("purpose", "ADMINISTRATIVE_LICENSING").param("reference", "许可受理 2026-031")
                .with(authentication(staff)).with(csrf());
    }

    private void submit(Person p, String item, String decisionNumber) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), item, decisionNumber);
    }

    private UsernamePasswordAuthenticationToken citizen(Person p) {
        CitizenPrincipal principal = new CitizenPrincipal(UUID.randomUUID(), p.id(),
                subjects.pseudonymOf(p.id()).orElseThrow(), p.name().charAt(0) + "*");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new SimpleGrantedAuthority("CITIZEN"), new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
    }

    /** The table row of the page that shows {@code decision}. */
    private static String row(String page, String decision) {
        return java.util.Arrays.stream(page.split("<tr")).filter(r -> r.contains(decision)).findFirst()
                .orElseThrow(() -> new AssertionError(decision + " not shown"));
    }

    /** The row of the consents table (not of the form above it) that names {@code organisation}. */
    private static String consentRow(String page, String organisation) {
        return row(page.substring(page.indexOf("id=\"consents\"")), organisation);
    }

    /** The audit log refuses the reports issued about the person (an outage, for this person's reports only). */
    private void refuseReportEventsAbout(String pseudonym, ThrowingRunnable action) throws Exception {
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_reports_refused CHECK (action <> 'report.issue' "
                + "OR subject_pseudonym IS DISTINCT FROM '" + pseudonym + "') NOT VALID").update();
        try {
            action.run();
        } finally {
            jdbc.sql("ALTER TABLE audit.event DROP CONSTRAINT test_reports_refused").update();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
