package cn.chengxin.inquiry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.SubjectScore;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The score's explanation names only the records the report shows (RULES.md §2, §9, §10): the person holds a public
 * penalty (遵纪守法) and tax arrears (欠缴税款信息, government-only, counted for scoring, the one record of 履约守信).
 * A bank's lending report leaves the arrears out of the records, out of the explanation and out of 履约守信's total,
 * in JSON, HTML and PDF alike, and prints their points once, in no dimension, so that the explanation still adds up
 * to the score; a department's government report carries no score at all (the score would tell of records outside
 * its scope), the credit office's names the item.
 */
@IntegrationTest
class ReportScoreExplanationIT {

    private static final String PENALTY = "行政处罚信息（一般）";
    private static final String NOT_SHOWN = "其他未在本报告展示的信息";
    private static final String ARREARS = "欠缴税款信息";
    private static final String ARREARS_DECISION = "驿税处〔2026〕77号";
    private static final String OBLIGATIONS = "履约守信";
    private static final String LAW_ABIDING = "遵纪守法";
    private static final String REFUSED = "本人已依《个人信息保护法》第二十四条拒绝以自动化评分评价，请人工评估";

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
    CreditFile creditFile;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Scoring scoring;
    @Autowired
    ScoreReviews scoreReviews;

    @Test
    void aLendingReportNeitherListsNorExplainsTheGovernmentOnlyRecordButStillAddsUp() throws Exception {
        TestCitizens.Person person = personWithPenaltyAndArrears("庞税明", "731");
        UUID id = idOf(person);
        String bank = lenderWithConsent(id, "戊银行");

        String json = report(bank, person.number(), "JSON");
        assertThat(json).doesNotContain(ARREARS).doesNotContain(ARREARS_DECISION);
        List<String> negative = JsonPath.read(json, "$.negativeRecords[*].item");
        assertThat(negative).containsExactly(PENALTY);
        List<String> labels = JsonPath.read(json, "$.score.contributions[*].label");
        assertThat(labels).containsExactly(PENALTY);
        int penaltyPoints = JsonPath.read(json, "$.score.contributions[0].points");

        // The arrears are the one record of 履约守信: its real total would be their points.
        SubjectScore real = scoring.scoreOf(id).orElseThrow();
        int arrearsPoints = real.contributions().stream().filter(c -> c.title().equals(ARREARS)).findFirst()
                .orElseThrow().points();
        assertThat(arrearsPoints).isNegative();
        assertThat(dimension(real, OBLIGATIONS)).isEqualTo(arrearsPoints);
        assertThat(dimension(real, LAW_ABIDING)).isEqualTo(penaltyPoints);

        assertThat(JsonPath.<List<Integer>>read(json, "$.score.dimensions[?(@.label == '" + OBLIGATIONS + "')].points"))
                .containsExactly(0);
        assertThat(JsonPath.<List<Integer>>read(json, "$.score.dimensions[?(@.label == '" + LAW_ABIDING + "')].points"))
                .containsExactly(penaltyPoints);
        int withheld = JsonPath.read(json, "$.score.notShownPoints");
        assertThat(withheld).isEqualTo(arrearsPoints);
        List<Integer> dimensions = JsonPath.read(json, "$.score.dimensions[*].points");
        int shownDimensions = dimensions.stream().mapToInt(Integer::intValue).sum();
        assertThat(shownDimensions).as("the dimensions count the shown contributions only").isEqualTo(penaltyPoints);
        assertThat(shownDimensions + withheld).as("with the sum left out they add up to the real score's")
                .isEqualTo(real.dimensions().stream().mapToInt(DimensionScore::points).sum());

        assertThat(report(bank, person.number(), "HTML")).contains(NOT_SHOWN).doesNotContain(ARREARS)
                .contains("<td>" + OBLIGATIONS + "</td><td>0</td>")
                .contains("<td>" + LAW_ABIDING + "</td><td>" + penaltyPoints + "</td>")
                .contains("<td>" + NOT_SHOWN + "</td><td>" + arrearsPoints + "</td>");
        String pdf = pdfReport(bank, person.number());
        assertThat(pdf).contains("信用评分", PENALTY, OBLIGATIONS + "0" + LAW_ABIDING + penaltyPoints,
                NOT_SHOWN + arrearsPoints).doesNotContain(ARREARS);
    }

    @Test
    void aDepartmentGetsNoScoreAndTheCreditOfficeTheItemNamed() throws Exception {
        TestCitizens.Person person = personWithPenaltyAndArrears("龚税亮", "732");
        assertThat(governmentReport(person.number(), "MARKET")).contains("本报告的用途不包含信用评分")
                .doesNotContain(ARREARS).doesNotContain(NOT_SHOWN);
        assertThat(governmentReport(person.number(), "CREDIT_OFFICE")).contains(ARREARS, ARREARS_DECISION)
                .doesNotContain(NOT_SHOWN);
    }

    /**
     * Finding G3 (RULES.md §8, PIPL Art. 24): once the person refuses to be judged by automated grading, the bank's
     * lending report carries no score, grade or explanation, in JSON and PDF, but says the person refused and asks
     * for a manual assessment; the person's own report keeps the score, with a note of what others get. Accepting
     * the grading again brings the score back.
     */
    @Test
    void aRefusalOfAutomatedGradingKeepsTheScoreOutOfALendingReportButNotOutOfThePersonsOwn() throws Exception {
        TestCitizens.Person person = personWithPenaltyAndArrears("甘拒评", "733");
        UUID id = idOf(person);
        String bank = lenderWithConsent(id, "己银行");
        String grade = scoring.scoreOf(id).orElseThrow().gradeLabel();
        String gradePrinted = grade.replaceAll("\\s", "");
        assertThat(JsonPath.<Object>read(report(bank, person.number(), "JSON"), "$.score")).isNotNull();

        scoreReviews.refuseAutomatedGrading(id);
        assertThat(scoring.refusesAutomatedGrading(id)).isTrue();
        String json = report(bank, person.number(), "JSON");
        assertThat(JsonPath.<Object>read(json, "$.score")).isNull();
        assertThat(JsonPath.<Boolean>read(json, "$.gradingRefused")).isTrue();
        assertThat(JsonPath.<Boolean>read(json, "$.scoreWithheld")).isTrue();
        assertThat(JsonPath.<List<String>>read(json, "$.negativeRecords[*].item")).containsExactly(PENALTY);
        String pdf = pdfReport(bank, person.number());
        assertThat(pdf).contains(REFUSED, PENALTY).doesNotContain("分，等级").doesNotContain(LAW_ABIDING)
                .doesNotContain("本报告的用途不包含信用评分");

        Reports.Issued own = reports.forSelf(id, ReportKind.SELF_FULL);
        assertThat(own.content().score()).isNotNull();
        assertThat(own.content().score().grade()).isEqualTo(grade);
        assertThat(pdfText(own.pdf())).contains("分，等级" + gradePrinted, "向他人出具的报告不含信用分").doesNotContain(REFUSED);

        scoreReviews.acceptAutomatedGrading(id);
        String again = report(bank, person.number(), "JSON");
        assertThat(JsonPath.<String>read(again, "$.score.grade")).isEqualTo(grade);
        assertThat(JsonPath.<Boolean>read(again, "$.gradingRefused")).isFalse();
    }

    /**
     * A resident (scored), with a public general penalty through the submissions API and tax arrears stored as
     * ingestion stores them, rescored.
     */
    private TestCitizens.Person personWithPenaltyAndArrears(String name, String sequence) throws Exception {
        String number = TestCitizens.withCheckCharacter("411702" + "19850611" + sequence);
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name,
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1985, 6, 11))), List.of(), false));
        TestCitizens.Person person = new TestCitizens.Person(number, name, null);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), name, "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕731号");
        int itemVersion = catalogue.active().stream().filter(i -> i.code().equals("P_TAX_ARREARS")).findFirst()
                .orElseThrow().version();
        LocalDate decided = LocalDate.now().minusMonths(2);
        creditFile.store(UUID.randomUUID(), "test", List.of(new NewRecord(id, "P_TAX_ARREARS", itemVersion, "TAX",
                "TAX-" + UUID.randomUUID(), 1, RecordAction.ADD, ARREARS_DECISION, decided,
                Map.of("tax_type", "个人所得税", "arrears", "12000.00"), decided.plusYears(3), decided.plusYears(5),
                "fp-" + UUID.randomUUID(), null, null, null)));
        scoring.rescore(List.of(id));
        assertThat(scoring.scoreOf(id)).hasValueSatisfying(s -> assertThat(s.contributions())
                .anySatisfy(c -> assertThat(c.title()).isEqualTo(ARREARS)));
        return person;
    }

    private static int dimension(SubjectScore score, String label) {
        return score.dimensions().stream().filter(d -> d.label().equals(label)).findFirst().orElseThrow().points();
    }

    private UUID idOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private String report(String key, String number, String format) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(request(number, format)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A bank's API key, with the person's consent to a lending report. */
    private String lenderWithConsent(UUID id, String bank) {
        ApiClients.IssuedKey issued = apiClients.issue("信贷系统", bank, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        consents.grant(id, issued.clientId(), Purpose.LENDING, null, false);
        return issued.key();
    }

    /** The lending report as its PDF's text. */
    private String pdfReport(String key, String number) throws Exception {
        return pdfText(mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(request(number, "PDF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private static String request(String number, String format) {
        return "{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\",\"format\":\"" + format + "\"}";
    }

    /** The report a member of the department obtains in the console, as its PDF's text. */
    private String governmentReport(String number, String departmentCode) throws Exception {
        UsernamePasswordAuthenticationToken staff = Principals.member("gov-score-" + departmentCode.toLowerCase(),
                directory.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                        .orElseThrow(), Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);
        mvc.perform(post("/console/reports").param("number", number).param("purpose", "ADMINISTRATIVE_LICENSING")
                        .param("reference", "许可受理 2026-207").with(authentication(staff)).with(csrf()))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        String staffId = ((StaffPrincipal) staff.getPrincipal()).actorId();
        JdbcInquiry.IssuedReport issued = reports.obtainedBy(staffId, 1).get(0);
        return pdfText(mvc.perform(get("/console/reports/{id}.pdf", issued.id()).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Without the page headers, which fall wherever a page breaks, between a table's rows too.
            return new PDFTextStripper().getText(document).replaceAll("\\s", "").replaceAll("第\\d+页/共\\d+页", "");
        }
    }
}
