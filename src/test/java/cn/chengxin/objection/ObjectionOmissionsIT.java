package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * K8 of gaps-review-xxix: a person objects that a record is missing (信息遗漏; RULES.md §5, outcome "supplement
 * (omission)") — in self-service or at the counter — naming the item and the department that should have provided it.
 * The case is routed to the department with the same deadlines as any, and ends as 补充 once the department submitted
 * the record, or as 维持; the person is told.
 */
@IntegrationTest
class ObjectionOmissionsIT {

    private static final String COMMENDATION_BY_HRSS = "P_COMMENDATION:HRSS";

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
    Objections objections;

    @Autowired
    cn.chengxin.account.Notices notices;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void aMissingCommendationFiledInSelfServiceIsRoutedSuppliedByTheDepartmentAndDecidedAsSupplemented()
            throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏思远");
        UUID subject = subjectOf(person);
        var citizen = authentication(Principals.citizen(subjects, subject));
        LocalDate today = LocalDate.now(clock);

        String file = mvc.perform(get("/me/file").with(citizen)).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("id=\"omission-form\"", "value=\"" + COMMENDATION_BY_HRSS + "\"", "信息遗漏");

        mvc.perform(multipart("/me/objections/omissions").param("omission", COMMENDATION_BY_HRSS)
                        .param("missing", "2026 年 3 月被评为市级劳动模范").param("decisionNumber", "驻人社表〔2026〕7号")
                        .param("decidedOn", today.minusMonths(2).toString()).param("reasons", "有证书，档案中没有")
                        .with(citizen).with(csrf()))
                .andExpect(redirectedUrl("/me/objections")).andExpect(flash().attribute("successKey",
                        "me.objection.filed"));
        Objection filed = objections.of(subject).stream().filter(Objection::againstOmission).findFirst()
                .orElseThrow();
        assertThat(filed.recordKey()).isNull();
        assertThat(filed.itemCode()).isEqualTo("P_COMMENDATION");
        assertThat(filed.departmentCode()).isEqualTo("HRSS");
        assertThat(filed.omission().missing()).isEqualTo("2026 年 3 月被评为市级劳动模范");
        assertThat(filed.omission().decisionNumber()).isEqualTo("驻人社表〔2026〕7号");
        assertThat(filed.filedBy()).isEqualTo("本人");
        assertThat(filed.status()).isEqualTo(ObjectionStatus.RECEIVED);
        assertThat(filed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(today, 3));
        assertThat(bodies(subject)).anyMatch(b -> b.contains("“表彰奖励信息”信息遗漏异议已受理")
                && !b.contains("异议中"));

        as("omission-clerk", () -> {
            objections.route(filed.id(), filed.version());
            return null;
        });
        Objection routed = objections.find(filed.id());
        assertThat(routed.status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);
        assertThat(routed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(today, 7));
        // No record is contested: the notice names the omission, not "your objection to the record".
        assertThat(bodies(subject)).anyMatch(b -> b.contains("您提出的“表彰奖励信息”信息遗漏异议需由提供单位"))
                .noneMatch(b -> b.contains("记录提出的异议"));
        String queue = mvc.perform(get("/console/objection-answers").with(authentication(hrss())))
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains(filed.id().toString(), "data-field=\"omission\"");
        String one = mvc.perform(get("/console/objection-answers/" + filed.id()).with(authentication(hrss())))
                .andReturn().getResponse().getContentAsString();
        assertThat(one).contains("2026 年 3 月被评为市级劳动模范", "驻人社表〔2026〕7号").doesNotContain(person.number());
        as("hrss-clerk", () -> {
            objections.answer("HRSS", filed.id(), routed.version(), DepartmentAnswer.SUPPLEMENT, null,
                    "经核实，表彰决定未报送，已补报");
            return null;
        });

        int version = objections.find(filed.id()).version();
        assertThat(refusal(filed.id(), version, Outcome.DELETE)).isEqualTo("OBJECTION_OUTCOME_NOT_FOR_OMISSION");
        assertThat(refusal(filed.id(), version, Outcome.SUPPLEMENT)).isEqualTo("OBJECTION_OMISSION_NOT_SUPPLIED");
        String page = mvc.perform(get("/console/objections/" + filed.id()).with(authentication(office())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"omission-missing\"", "value=\"SUPPLEMENT\"", "value=\"UPHOLD\"",
                        ">不予补充</option>")
                .doesNotContain("value=\"DELETE\"", "value=\"CORRECT\"");

        commend(person, today.minusMonths(2));
        as("omission-clerk", () -> {
            objections.decide(filed.id(), version, Outcome.SUPPLEMENT, "人社局已补报表彰信息，已载入您的信用档案");
            return null;
        });

        Objection decided = objections.find(filed.id());
        assertThat(decided.status()).isEqualTo(ObjectionStatus.DECIDED);
        assertThat(decided.outcome()).isEqualTo(Outcome.SUPPLEMENT);
        FileEntry supplied = creditFile.fileOf(subject).stream().filter(e -> e.itemCode().equals("P_COMMENDATION"))
                .findFirst().orElseThrow();
        assertThat(supplied.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(bodies(subject)).anyMatch(b -> b.contains("“表彰奖励信息”信息遗漏异议已办结。处理结果：补充")
                && b.contains("人社局已补报表彰信息"));
        // The notice says who supplied the record and where to read it, in either language (K8's 补充 sentence).
        String hrss = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst().orElseThrow()
                .name();
        cn.chengxin.account.Notice notice = notices.of(subject).stream()
                .filter(n -> "OBJECTION_OMISSION_DECIDED".equals(n.wording())).findFirst().orElseThrow();
        assertThat(notice.body()).contains("处理结果：补充。所遗漏的记录已由提供单位" + hrss + "报送，请在“我的信用档案”查看。理由：");
        assertThat(cn.chengxin.support.NoticeBundles.inChinese("OBJECTION_OMISSION_DECIDED", "body", notice.args()))
                .isEqualTo(notice.body());
        String englishNotices = mvc.perform(get("/me/notices").param("lang", "en").with(citizen)).andReturn()
                .getResponse().getContentAsString();
        assertThat(englishNotices).contains("The providing department " + hrss + " has submitted the missing record; "
                + "see it in &quot;My credit file&quot;. Reasons: ");
        String mine = mvc.perform(get("/me/objections").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("data-field=\"omission\"", "2026 年 3 月被评为市级劳动模范", ">补充</span>");
        String english = mvc.perform(get("/me/objections").param("lang", "en").with(citizen)).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("Missing information", "What is missing");
    }

    @Test
    void theCounterFilesAnOmissionForThePersonRefusesADepartmentThatDoesNotProvideTheItemAndMergesARepeat()
            throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "甄念慈");
        UUID subject = subjectOf(person);

        String refused = mvc.perform(counter(person.number(), "P_COMMENDATION:MARKET", "市级优秀志愿者表彰"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("OBJECTION_OMISSION_DEPARTMENT", "id=\"omission-counter-form\"",
                "value=\"" + person.number() + "\"", "市级优秀志愿者表彰");
        assertThat(objections.of(subject)).isEmpty();
        String unknown = mvc.perform(counter(TestCitizens.unregisteredNumber(), COMMENDATION_BY_HRSS, "表彰"))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("OBJECTION_SUBJECT_UNKNOWN");

        mvc.perform(counter(person.number(), COMMENDATION_BY_HRSS, "市级优秀志愿者表彰"))
                .andExpect(redirectedUrl("/console/objections"));
        Objection filed = objections.of(subject).get(0);
        assertThat(filed.againstOmission()).isTrue();
        assertThat(filed.filedBy()).isEqualTo("窗口代办：counter-omission");
        String queue = mvc.perform(get("/console/objections").with(authentication(office()))).andReturn()
                .getResponse().getContentAsString();
        assertThat(queue).contains(filed.id().toString(), "data-field=\"omission\"");

        // A second filing on the same item and department is merged, what it says is missing added to the reasons.
        mvc.perform(counter(person.number(), COMMENDATION_BY_HRSS, "2025 年度优秀志愿者"))
                .andExpect(redirectedUrl("/console/objections"));
        Objection merged = objections.find(filed.id());
        assertThat(objections.of(subject)).hasSize(1);
        assertThat(merged.repeats()).isEqualTo(1);
        assertThat(merged.reasons()).contains("再次提出", "遗漏的信息：2025 年度优秀志愿者");

        LocalDate today = LocalDate.now(clock);
        as("omission-clerk", () -> {
            objections.pause(filed.id(), merged.version(), ObjectionPause.Kind.EXPERT_REVIEW, "调取表彰评审材料",
                    today.plusDays(2));
            return null;
        });
        assertThat(bodies(subject)).anyMatch(b -> b.contains("您提出的“表彰奖励信息”信息遗漏异议需专家评审"))
                .noneMatch(b -> b.contains("记录提出的异议"));
        as("omission-clerk", () -> {
            objections.decide(filed.id(), objections.find(filed.id()).version(), Outcome.UPHOLD,
                    "经人社局核实，本年度未对您作出表彰决定");
            return null;
        });
        assertThat(objections.find(filed.id()).outcome()).isEqualTo(Outcome.UPHOLD);
        // 维持 keeps no record, as there is none: the person and the office read 不予补充.
        assertThat(bodies(subject)).anyMatch(b -> b.contains("信息遗漏异议已办结。处理结果：不予补充")
                && b.contains("本年度未对您作出表彰决定")).noneMatch(b -> b.contains("维持原记录"))
                .noneMatch(b -> b.contains("所遗漏的记录已由"));
        var citizen = authentication(Principals.citizen(subjects, subject));
        assertThat(mvc.perform(get("/me/objections").with(citizen)).andReturn().getResponse().getContentAsString())
                .contains(">不予补充</span>").doesNotContain("维持原记录");
        assertThat(mvc.perform(get("/me/objections").param("lang", "en").with(citizen)).andReturn().getResponse()
                .getContentAsString()).contains(">Not supplemented</span>");
        assertThat(mvc.perform(get("/console/objections").with(authentication(office()))).andReturn().getResponse()
                .getContentAsString()).contains(">不予补充</td>");
    }

    private String refusal(UUID id, int version, Outcome outcome) {
        return catchThrowableOfType(CodedProblem.class, () -> as("omission-clerk", () -> {
            objections.decide(id, version, outcome, "理由");
            return null;
        })).code();
    }

    private org.springframework.test.web.servlet.RequestBuilder counter(String number, String omission,
                                                                        String missing) {
        return post("/console/objections/omissions").param("number", number).param("omission", omission)
                .param("missing", missing).param("reasons", "本人到窗口提出，称档案遗漏表彰")
                .with(authentication(Principals.staff("counter-omission", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                        Permission.OBJECTION_HANDLE))).with(csrf());
    }

    private static UsernamePasswordAuthenticationToken office() {
        return Principals.staff("omission-office", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE);
    }

    private static UsernamePasswordAuthenticationToken hrss() {
        return Principals.staff("hrss-clerk", "HRSS", Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER);
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private List<String> bodies(UUID subject) {
        return jdbc.sql("SELECT body FROM account.notice WHERE subject_id = ?").param(subject).query(String.class)
                .list();
    }

    /** A city-level commendation (P_COMMENDATION) submitted by HRSS, the department the omission named. */
    private void commend(TestCitizens.Person person, LocalDate decided) throws Exception {
        UUID department = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst()
                .orElseThrow().id();
        String key = apiClients.issue("人社局报送", "HRSS", ApiClient.Kind.DEPARTMENT, department,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COMMENDATION\",\"subjectNumber\":\""
                                + person.number() + "\",\"subjectName\":\"" + person.name()
                                + "\",\"sourceRecordId\":\"CM-" + UUID.randomUUID()
                                + "\",\"decisionNumber\":\"驻人社表〔2026〕7号\",\"decisionDate\":\"" + decided
                                + "\",\"fields\":{\"honour\":\"市级劳动模范\",\"awarded_by\":\"市人民政府\","
                                + "\"level\":\"市级\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
