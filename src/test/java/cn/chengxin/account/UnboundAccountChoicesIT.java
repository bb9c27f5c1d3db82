package cn.chengxin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.Declines;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.ReportContent;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.Statements;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WindowUnbinding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding G1 (RULES.md §9: a query needs the person's own authorisation; reports carry the subject's own statements):
 * when two staff members unbind an account someone registered in the person's name, what that account did for the
 * person is set aside with it — its consents are withdrawn (the institution's next query is refused), its statements
 * are no longer printed, its refusals of honours and of automated grading are undone — while what the person did
 * before the account existed stays.
 */
@IntegrationTest
class UnboundAccountChoicesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Consents consents;

    @Autowired
    Statements statements;

    @Autowired
    Reports reports;

    @Autowired
    ScoreReviews scoreReviews;

    @Autowired
    Declines declines;

    @Autowired
    CreditFile creditFile;

    @Autowired
    JdbcClient jdbc;

    private final RequestPostProcessor maker = authentication(Principals.staff("g1-maker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_CITIZEN_MANAGE));
    private final RequestPostProcessor checker = authentication(Principals.staff("g1-checker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_CITIZEN_MANAGE));

    @Test
    void unbindingWithdrawsTheSquattersConsentsAndSetsAsideTheirStatementsAndChoices() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯被冒");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        volunteer(person);
        FileEntry honour = creditFile.fileOf(subject).stream()
                .filter(e -> e.itemCode().equals("P_VOLUNTEER_SERVICE")).findFirst().orElseThrow();
        statements.add(subject, null, "本人早前所写的声明");

        String squatters = "13712349900".equals(person.phone()) ? "13712349901" : "13712349900";
        assertThat(citizens.registerVerified(subject, squatters, "Squatter-Pass-2026")).isPresent();
        // What the squatter does from the account, in the person's name.
        Institution lender = institution("冒名贷款系统", "丙小贷公司");
        consents.grant(subject, lender.id(), Purpose.LENDING, 365, false);
        statements.add(subject, null, "冒名者所写的声明");
        scoreReviews.refuseAutomatedGrading(subject);
        declines.declineRecord(subject, honour.recordKey());
        report(lender, person, Purpose.LENDING).andExpect(status().isOk());

        unbind(person);

        report(lender, person, Purpose.LENDING).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_WITHDRAWN"));
        assertThat(jdbc.sql("SELECT withdrawn_by FROM inquiry.consent WHERE subject_id = ?").param(subject)
                .query(String.class).list()).containsExactly("unbind");

        Reports.Issued next = reports.forSelf(subject, ReportKind.SELF_FULL);
        assertThat(next.content().statements()).extracting(ReportContent.StatementLine::text)
                .containsExactly("本人早前所写的声明");
        assertThat(statements.of(subject)).extracting(s -> s.text()).containsExactly("本人早前所写的声明");
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.statement WHERE subject_id = ? AND set_aside_at IS NOT NULL")
                .param(subject).query(Long.class).single()).as("kept, set aside").isOne();

        assertThat(scoreReviews.refusingAutomatedGradingSince(subject)).as("graded again").isEmpty();
        assertThat(creditFile.fileOf(subject).stream().filter(e -> e.recordKey().equals(honour.recordKey()))
                .findFirst().orElseThrow().status()).as("the honour is recorded again").isEqualTo(RecordStatus.ACTIVE);

        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        assertThat(jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? AND action IN "
                        + "('consent.withdraw.unbind', 'statement.set-aside.unbind', 'scoring.grading.unbind', "
                        + "'self.decline.unbind') ORDER BY action").param(pseudonym).query(String.class).list())
                .containsExactly("consent.withdraw.unbind", "scoring.grading.unbind", "self.decline.unbind",
                        "statement.set-aside.unbind");
    }

    private void unbind(TestCitizens.Person person) throws Exception {
        WindowUnbinding.unbind(mvc, jdbc, person.number(), maker, checker);
    }

    private record Institution(UUID id, String key) {
    }

    private Institution institution(String name, String organisation) {
        ApiClients.IssuedKey key = apiClients.issue(name, organisation, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        return new Institution(key.clientId(), key.key());
    }

    private ResultActions report(Institution institution, TestCitizens.Person subject, Purpose purpose)
            throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + institution.key())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + subject.number() + "\",\"purpose\":\"" + purpose + "\"}"));
    }

    private void volunteer(TestCitizens.Person person) throws Exception {
        UUID department = directory.departments().stream().filter(d -> d.code().equals("CIVILISATION_OFFICE"))
                .findFirst().map(Department::id).orElseGet(() -> directory.createDepartment("CIVILISATION_OFFICE",
                        "CIVILISATION_OFFICE", Department.Kind.DATA_PROVIDER, List.of()).id());
        String key = apiClients.issue("CIVILISATION_OFFICE 系统", "CIVILISATION_OFFICE", ApiClient.Kind.DEPARTMENT,
                department, Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_VOLUNTEER_SERVICE\",\"subjectNumber\":\""
                                + person.number() + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"VS-"
                                + UUID.randomUUID() + "\",\"version\":\"1\",\"action\":\"ADD\",\"decisionNumber\":"
                                + "\"驻文明志〔2026〕164号\",\"decisionDate\":\"" + LocalDate.now().minusDays(5)
                                + "\",\"fields\":{\"hours\":\"200\",\"organisation\":\"驿城区志愿者协会\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
