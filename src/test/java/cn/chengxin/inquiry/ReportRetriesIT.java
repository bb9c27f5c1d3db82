package cn.chengxin.inquiry;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Notices;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxiii N11 (issue #7, PIPL Art. 14): a bank whose answer was lost sends its report request again under
 * the same Idempotency-Key and gets the report issued, not a refusal CONSENT_USED: one report, one use of the
 * single-use consent, one notice to the person, one query on their record, the answer again audited as a look. The key
 * with another body is 409; two requests with one key at once give one report; an institution fetches a report it was
 * issued by its id.
 */
@IntegrationTest
class ReportRetriesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Consents consents;

    @Autowired
    Reports reports;

    @Autowired
    Notices notices;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameKeyTwiceGivesOneReportOneConsentUseAndOneNotice() throws Exception {
        Person person = person("甘重发");
        ApiClients.IssuedKey bank = bank("重发银行 " + UUID.randomUUID());
        Consent once = consents.grant(person.id(), bank.institutionId(), Purpose.LENDING, 30, true);
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = report(bank.key(), key, person, "PDF").andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse();
        MockHttpServletResponse again = report(bank.key(), key, person, "PDF").andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse();

        assertThat(again.getHeader("X-Report-Id")).isEqualTo(first.getHeader("X-Report-Id"));
        assertThat(again.getHeader("X-Report-Number")).isEqualTo(first.getHeader("X-Report-Number"));
        assertThat(again.getHeader("X-Verification-Code")).isEqualTo(first.getHeader("X-Verification-Code"));
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(reports.about(person.id())).hasSize(1);
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(once.id());
            assertThat(c.uses()).isOne();
        });
        assertThat(notices.of(person.id())).filteredOn(n -> n.kind().equals("CONSENT_USED")).hasSize(1);
        String pseudonym = subjects.pseudonymOf(person.id()).orElseThrow();
        assertThat(events(pseudonym, "report.issue")).as("one query on the person's record").hasSize(1);
        assertThat(events(pseudonym, "report.download")).singleElement().asString()
                .startsWith("reason=REPORT_ANSWERED_AGAIN").contains(first.getHeader("X-Report-Number"));

        report(bank.key(), key, person, "JSON").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_CONFLICT"));
        ApiClients.IssuedKey other = bank("另一家银行 " + UUID.randomUUID());
        consents.grant(person.id(), other.institutionId(), Purpose.LENDING, 30, true);
        report(other.key(), key, person, "PDF").andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "false"));
        report(bank.key(), "not-a-uuid", person, "PDF").andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_INVALID"));
        assertThat(reports.about(person.id())).as("the key is the client's own").hasSize(2);
    }

    @Test
    void twoRequestsWithOneKeyAtOnceGiveOneReport() throws Exception {
        Person person = person("甘并发");
        ApiClients.IssuedKey bank = bank("并发银行 " + UUID.randomUUID());
        consents.grant(person.id(), bank.institutionId(), Purpose.LENDING, 30, true);
        String key = UUID.randomUUID().toString();
        List<MockHttpServletResponse> answers = AtOnce.twice(() -> report(bank.key(), key, person, "PDF")
                .andReturn().getResponse());

        MockHttpServletResponse a = answers.get(0);
        MockHttpServletResponse b = answers.get(1);
        assertThat(List.of(a.getStatus(), b.getStatus())).containsOnly(200);
        assertThat(a.getHeader("X-Report-Id")).isNotNull().isEqualTo(b.getHeader("X-Report-Id"));
        assertThat(List.of(a.getHeader("Idempotent-Replayed"), b.getHeader("Idempotent-Replayed")))
                .containsExactlyInAnyOrder("false", "true");
        assertThat(reports.about(person.id())).hasSize(1);
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> assertThat(c.uses()).isOne());
        assertThat(notices.of(person.id())).filteredOn(n -> n.kind().equals("CONSENT_USED")).hasSize(1);
    }

    /**
     * The institution fetches a report it was issued again, by its id, with any of its keys: audited as a look, no
     * consent used. Another institution's is 404; a report past its validity or emptied at the end of its retention
     * is refused with its code, also when it answers a request sent again.
     */
    @Test
    void anInstitutionFetchesAReportItWasIssuedWhileItIsValid() throws Exception {
        Person person = person("甘再取");
        String organisation = "再取银行 " + UUID.randomUUID();
        ApiClients.IssuedKey bank = bank(organisation);
        consents.grant(person.id(), bank.institutionId(), Purpose.LENDING, 30, true);
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse issued = report(bank.key(), key, person, "PDF").andExpect(status().isOk())
                .andReturn().getResponse();
        String id = issued.getHeader("X-Report-Id");

        mvc.perform(get("/api/v1/reports/{id}", id).param("format", "JSON")
                        .header("Authorization", "Bearer " + bank.key()))
                .andExpect(status().isOk()).andExpect(header().string("X-Report-Id", id))
                .andExpect(jsonPath("$.number").value(issued.getHeader("X-Report-Number")));
        ApiClients.IssuedKey stranger = bank("陌生银行 " + UUID.randomUUID());
        mvc.perform(get("/api/v1/reports/{id}", id).header("Authorization", "Bearer " + stranger.key()))
                .andExpect(status().isNotFound());
        String pseudonym = subjects.pseudonymOf(person.id()).orElseThrow();
        assertThat(events(pseudonym, "report.download")).singleElement().asString()
                .startsWith("reason=REPORT_FETCHED_AGAIN");
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> assertThat(c.uses()).isOne());

        jdbc.sql("UPDATE inquiry.report SET content = NULL, pdf = NULL, content_key_version = NULL, "
                + "pdf_key_version = NULL, emptied_at = now() WHERE id = ?").param(UUID.fromString(id)).update();
        report(bank.key(), key, person, "PDF").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REPORT_EMPTIED"));
        jdbc.sql("UPDATE inquiry.report SET valid_until = now() - interval '1 day' WHERE id = ?")
                .param(UUID.fromString(id)).update();
        mvc.perform(get("/api/v1/reports/{id}", id).header("Authorization", "Bearer " + bank.key()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REPORT_PAST_VALIDITY"));
        assertThat(reports.about(person.id())).hasSize(1);
    }

    private List<String> events(String pseudonym, String action) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE subject_pseudonym = ? AND action = ? "
                + "AND result = 'SUCCESS'").params(pseudonym, action).query(String.class).list();
    }

    private ApiClients.IssuedKey bank(String organisation) throws Exception {
        return as("retries-setup", () -> apiClients.issue("信贷系统", organisation, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000));
    }

    private record Person(UUID id, String number) {
    }

    private Person person(String name) {
        String number = TestCitizens.register(subjects, name).number();
        return new Person(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow(), number);
    }

    private ResultActions report(String apiKey, String idempotencyKey, Person person, String format)
            throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + person.number() + "\",\"purpose\":\"LENDING\",\"format\":\""
                        + format + "\"}"));
    }
}
