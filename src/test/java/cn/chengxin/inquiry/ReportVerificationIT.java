package cn.chengxin.inquiry;

import java.time.LocalDate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding G5 (gaps review xxiv) on PostgreSQL: a report whose record was since deleted, or got a new version, verifies
 * as authentic but changed, from the day of the change and without naming the record; one that nothing touched, or
 * that was issued before reports kept what they carry, verifies as "真实有效"; a state organ's report names its
 * organisation only on the public page.
 */
@IntegrationTest
class ReportVerificationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Reports reports;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Objections objections;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    InquirySettings settings;

    @Test
    void anObjectionDeletingAReportedRecordTurnsTheVerificationIntoChanged() throws Exception {
        Person p = person("核验变更");
        TestRecords.penalty(mvc, apiClients, directory, p.number(), p.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕951号");
        UUID record = creditFile.fileOf(p.id()).get(0).recordKey();
        Reports.Issued carrying = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        Reports.Issued before = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        // A report issued before reports kept what they carry (V183) has nothing to compare: it verifies as before.
        jdbc.sql("DELETE FROM inquiry.report_record WHERE report_id = ?").param(before.id()).update();
        Person other = person("核验未变");
        TestRecords.penalty(mvc, apiClients, directory, other.number(), other.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕952号");
        Reports.Issued untouched = reports.forSelf(other.id(), ReportKind.OCCUPATIONAL);
        assertThat(verdict(carrying, "zh")).contains("真实有效");

        UUID objection = objections.file(p.id(), record, "该处罚已被撤销，系错误录入", "窗口代办");
        assertThat(verdict(carrying, "zh")).as("异议中: still shown, nothing changed yet").contains("真实有效");
        as("clerk-g5", () -> {
            objections.decide(objection, objections.find(objection).version(), Outcome.DELETE, "经核实，信息有误");
            return null;
        });

        String today = LocalDate.now(clock).toString();
        String page = page(carrying, "zh");
        assertThat(verdictOf(page)).contains("真实", "所载信息已于 " + today + " 起发生变更，请重新查询")
                .doesNotContain("真实有效");
        assertThat(page).doesNotContain("驻市监罚〔2026〕951号", "删除", "撤销");
        assertThat(verdict(carrying, "en")).contains("has changed since " + today, "obtain a new report");
        assertThat(jdbc.sql("SELECT change FROM inquiry.report_superseded WHERE report_id = ?").param(carrying.id())
                .query(String.class).single()).isEqualTo("REVOKED");
        // Gaps review xxxvii R10: a program reads the same, and nothing more of the record either.
        String json = verification(carrying.number(), carrying.verificationCode(), null)
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("CHANGED"))
                .andExpect(jsonPath("$.changedOn").value(today))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("驻市监罚〔2026〕951号", p.number());
        assertThat(verdict(before, "zh")).contains("真实有效");
        assertThat(verdict(untouched, "zh")).contains("真实有效");
        assertThat(verdict(reports.forSelf(p.id(), ReportKind.OCCUPATIONAL), "zh")).as("a report issued since")
                .contains("真实有效");
    }

    /** A correction delivered by collection is a new version of the record: the reports printing the old one changed. */
    @Test
    void aNewVersionOfAReportedRecordTurnsTheVerificationIntoChanged() throws Exception {
        Person p = person("核验更正");
        String source = "T-" + UUID.randomUUID();
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "1", "ADD", "驻市监罚〔2026〕953号", "无照经营"));
        Reports.Issued issued = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        FileEntry v1 = creditFile.fileOf(p.id()).get(0);
        assertThat(jdbc.sql("SELECT version FROM inquiry.report_record WHERE report_id = ? AND record_key = ?")
                .params(issued.id(), v1.recordKey()).query(Integer.class).single()).isEqualTo(v1.version());
        assertThat(verdict(issued, "zh")).contains("真实有效");

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", source, "2", "UPDATE", "驻市监罚〔2026〕953号", "无照经营（更正）"));

        assertThat(verdict(issued, "zh")).contains("所载信息已于 " + LocalDate.now(clock) + " 起发生变更")
                .doesNotContain("真实有效");
        assertThat(jdbc.sql("SELECT change FROM inquiry.report_superseded WHERE report_id = ?").param(issued.id())
                .query(String.class).single()).isEqualTo("UPDATED");
    }

    /**
     * RULES.md §4, finding H5 of gaps review xxv: a catalogue version that shortens the item's publication period
     * changes the reports printing the longer one, whether the record is still shown or now past its new last day.
     */
    @Test
    void aShorterPublicationPeriodOfAReportedRecordTurnsTheVerificationIntoChanged() throws Exception {
        String item = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_SERIOUS", "P_RS_",
                "测试：报告所载记录的公示期缩短");
        int months = catalogue.active(item).orElseThrow().definition().publicationMaxMonths();
        LocalDate today = LocalDate.now(clock);
        Person shown = person("核验缩期");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(shown.number(), shown.name(), item,
                "T-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕954号", "无照经营"), today.minusMonths(3));
        Person past = person("核验期满");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(past.number(), past.name(), item,
                "T-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕955号", "无照经营"),
                today.minusMonths(months - 2));
        Reports.Issued stillShown = reports.forSelf(shown.id(), ReportKind.OCCUPATIONAL);
        Reports.Issued nowPast = reports.forSelf(past.id(), ReportKind.OCCUPATIONAL);
        assertThat(verdict(stillShown, "zh")).contains("真实有效");
        assertThat(verdict(nowPast, "zh")).contains("真实有效");

        int version = CatalogueVersions.approvePublicationMonths(catalogue, item, 12);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                        SELECT finished_at IS NOT NULL FROM creditfile.period_shortening_pass
                        WHERE item_code = ? AND item_version = ?""").params(item, version)
                .query(Boolean.class).optional().orElse(false));

        assertThat(creditFile.fileOf(shown.id()).get(0).publicationEnd()).isEqualTo(
                today.minusMonths(3).plusMonths(12));
        for (Reports.Issued issued : List.of(stillShown, nowPast)) {
            assertThat(verdict(issued, "zh")).contains("真实", "所载信息已于 " + today + " 起发生变更")
                    .doesNotContain("真实有效");
        }
        assertThat(jdbc.sql("SELECT change FROM inquiry.report_superseded WHERE report_id = ?")
                .param(stillShown.id()).query(String.class).single()).isEqualTo("SHORTENED");
    }

    @Test
    void aGovernmentReportsVerificationNamesTheOrganisationAndNoStaffMember() throws Exception {
        Person p = person("核验政务");
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        Actor clerk = (Actor) Principals.member("g5-gov-clerk", office, Permission.INQUIRY_GOVERNMENT)
                .getPrincipal();
        Reports.Issued issued = as("g5-gov-clerk", () -> reports.forGovernment(clerk, p.number(), null,
                StaffQueryPurpose.ADMINISTRATIVE_LICENSING, "许可受理 2026-G5"));
        assertThat(issued.content().requester()).as("the report itself, for the department").contains("g5-gov-clerk");

        String page = page(issued, "zh");
        assertThat(requesterOf(page)).isEqualTo(office.name());
        assertThat(page).doesNotContain("g5-gov-clerk").contains("真实有效");
    }

    /**
     * Gaps review xxxvii R10: a program verifies a report by number and code with a JSON POST, no CSRF token and no
     * key, and reads what the page shows (masked), and whether the PDF it received is the one issued; a wrong code and
     * an unknown number answer alike and are not audited, a report found is audited about its person as the page's is;
     * one past its validity answers EXPIRED.
     */
    @Test
    void aProgramVerifiesAReportAsJsonAndComparesThePdfsSm3() throws Exception {
        Person p = person("程序核验");
        Reports.Issued issued = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        long audited = verifiedEvents(issued);

        String json = verification(issued.number(), issued.verificationCode(), issued.sm3().toUpperCase())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.kind").value("OCCUPATIONAL"))
                .andExpect(jsonPath("$.sm3").value(issued.sm3()))
                .andExpect(jsonPath("$.sm3Matches").value(true))
                .andExpect(jsonPath("$.issuedAt").isNotEmpty())
                .andExpect(jsonPath("$.validUntil").isNotEmpty())
                .andExpect(jsonPath("$.maskedNumber").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain(p.number(), p.name(), issued.verificationCode());
        assertThat(verifiedEvents(issued)).as("audited about the person, as the page's").isEqualTo(audited + 1);

        verification(issued.number(), issued.verificationCode(), "0".repeat(64))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.sm3Matches").value(false));
        verification(issued.number(), issued.verificationCode(), "not-a-digest")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        String wrongCode = verification(issued.number(), "WRONG" + issued.verificationCode(), issued.sm3())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.status").value("NOT_FOUND"))
                .andReturn().getResponse().getContentAsString();
        String unknown = verification("CX" + UUID.randomUUID().toString().substring(0, 12), "ABCDEF", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).as("a wrong code and an unknown number alike").isEqualTo(wrongCode);
        assertThat(wrongCode).doesNotContain(issued.sm3());
        assertThat(verifiedEvents(issued)).as("a failed verification reveals nothing and is not recorded")
                .isEqualTo(audited + 2);

        jdbc.sql("UPDATE inquiry.report SET valid_until = now() - interval '1 day' WHERE id = ?").param(issued.id())
                .update();
        verification(issued.number(), issued.verificationCode(), null)
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.sm3Matches").doesNotExist());
    }

    /** The page's limit per address holds for the API too, counted together: a program is no way round it. */
    @Test
    void theVerificationApiSharesThePagesLimitAndSaysWhenToComeBack() throws Exception {
        Person p = person("核验限流");
        Reports.Issued issued = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        String address = "10.78.9." + (1 + Math.floorMod(issued.number().hashCode(), 200));
        int perMinute = settings.verifyPerMinute();
        for (int i = 0; i < perMinute; i++) {
            if (i % 2 == 0) {
                mvc.perform(post("/verify").param("number", issued.number()).param("code", "WRONG").with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        })).andExpect(status().isOk());
            } else {
                verification(issued.number(), "WRONG", null, address).andExpect(status().isOk());
            }
        }
        verification(issued.number(), issued.verificationCode(), null, address)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VERIFY_RATE_LIMITED"))
                .andExpect(jsonPath("$.retry").value("same-request"))
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));
    }

    private org.springframework.test.web.servlet.ResultActions verification(String number, String code, String sm3)
            throws Exception {
        return verification(number, code, sm3, "10.78.5." + (1 + Math.floorMod(number.hashCode(), 200)));
    }

    private org.springframework.test.web.servlet.ResultActions verification(String number, String code, String sm3,
                                                                           String address) throws Exception {
        String body = "{\"number\":\"" + number + "\",\"code\":\"" + code + "\""
                + (sm3 == null ? "" : ",\"sm3\":\"" + sm3 + "\"") + "}";
        return mvc.perform(post("/api/v1/reports/verifications").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content(body).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }));
    }

    private long verifiedEvents(Reports.Issued issued) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'report.verify' AND detail LIKE ?")
                .param("%report=" + issued.number() + "%").query(Long.class).single();
    }

    // ---- helpers ----

    private record Person(UUID id, String number, String name) {
    }

    /**
     * Issue #7: a report printed while its QR code carried the code in the query string is still answered, but through
     * a redirect to the bare page, so that the code leaves the address bar and the history; the page shows the answer.
     */
    @Test
    void anOldPrintedLinkStillVerifiesAndRedirectsWithoutTheCode() throws Exception {
        Person p = person("核验旧链");
        Reports.Issued issued = reports.forSelf(p.id(), ReportKind.OCCUPATIONAL);
        assertThat(issued.content().verifyUrl()).doesNotContain("?n=", "c=" + issued.verificationCode() + "&");
        for (String lang : new String[] {null, "en"}) {
            MockHttpSession session = new MockHttpSession();
            var old = get("/verify").param("n", issued.number()).param("c", issued.verificationCode()).session(session)
                    .with(r -> {
                r.setRemoteAddr("10.77.6.1");
                return r;
            });
            if (lang != null) {
                old = old.param("lang", lang);
            }
            var redirect = mvc.perform(old).andExpect(status().is3xxRedirection()).andReturn();
            String location = redirect.getResponse().getRedirectedUrl();
            assertThat(location).isEqualTo(lang == null ? "/verify" : "/verify?lang=en")
                    .doesNotContain(issued.verificationCode());
            var next = get(location).session(session);
            // Spring Session keeps the session in the database, named by its cookie.
            java.util.Optional.ofNullable(redirect.getResponse().getCookie("JSESSIONID")).ifPresent(next::cookie);
            String page = mvc.perform(next.with(r -> {
                r.setRemoteAddr("10.77.6.1");
                return r;
            })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            page = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
            assertThat(verdictOf(page)).isEqualTo(lang == null ? "该报告由本平台出具，真实有效。"
                    : "Issued by this platform and valid.");
            assertThat(page).contains(issued.sm3()).doesNotContain(issued.verificationCode());
        }
        // Without the flash of a redirect, the bare page checks nothing.
        assertThat(mvc.perform(get("/verify")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("data-field=\"verdict\"");
    }

    private Person person(String name) {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        return new Person(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow(),
                p.number(), name);
    }

    private String page(Reports.Issued issued, String lang) throws Exception {
        String page = mvc.perform(post("/verify").param("number", issued.number())
                .param("code", issued.verificationCode()).param("lang", lang).with(csrf()).with(r -> {
                    r.setRemoteAddr("10.77.5." + (1 + Math.floorMod(issued.number().hashCode(), 200)));
                    return r;
                })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private String verdict(Reports.Issued issued, String lang) throws Exception {
        return verdictOf(page(issued, lang));
    }

    private static String verdictOf(String page) {
        return field(page, "verdict");
    }

    private static String requesterOf(String page) {
        return field(page, "requester");
    }

    private static String field(String page, String name) {
        int at = page.indexOf("data-field=\"" + name + "\"");
        assertThat(at).as(name + " shown").isNotNegative();
        String rest = page.substring(page.indexOf('>', at) + 1);
        return rest.substring(0, rest.indexOf('<')).strip();
    }
}
