package cn.chengxin.measures;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.listing.ListType;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Maker-checker for the joint measures (双人复核, issue #5): a revision or a switch proposed by one person changes no
 * check until another person approves it; rejected, the measure stays; of two reviewers at once one decides.
 */
@IntegrationTest
class MeasureReviewIT {

    private static final String MAKER = "measure-maker";
    private static final String CHECKER = "measure-checker";
    private static final String HIRING = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"HIRING\","
            + "\"purpose\":\"招录审查\"}";

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRevisionIsNotInForceInChecksUntilAnotherPersonApprovesIt() throws Exception {
        Measure before = measure("NO_CIVIL_SERVICE");
        try {
            MeasureChange change = as(MAKER, () -> catalogue.proposeRevision("NO_CIVIL_SERVICE", before.name(),
                    "《公务员录用规定》第十八条（待审核修订）", Set.of("HRSS", "MARKET"), false, Set.of(ListType.BLACK),
                    Set.of(Scenario.HIRING, Scenario.EXECUTIVE), false, before.subjectKinds(), before.ruleCodes()));
            catalogue.refresh();
            assertThat(measure("NO_CIVIL_SERVICE")).isEqualTo(before);
            hiringCheck().andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SCENARIO_NOT_ALLOWED"));

            Throwable own = catchThrowable(() -> as(MAKER, () -> {
                catalogue.approve(change.id(), "");
                return null;
            }));
            assertThat(own).isInstanceOf(MeasuresProblem.class).extracting("code").isEqualTo("MEASURE_SELF_APPROVAL");
            assertThat(((MeasuresProblem) own).kind()).isEqualTo(DomainProblem.Kind.FORBIDDEN);
            hiringCheck().andExpect(status().isForbidden());

            as(CHECKER, () -> {
                catalogue.approve(change.id(), "同意");
                return null;
            });
            assertThat(measure("NO_CIVIL_SERVICE").legalBasis()).isEqualTo("《公务员录用规定》第十八条（待审核修订）");
            hiringCheck().andExpect(status().isOk());
            assertThat(jdbc.sql("SELECT status || ' ' || decided_by FROM measures.measure_change WHERE id = ?")
                    .param(change.id()).query(String.class).single()).isEqualTo("APPROVED " + CHECKER);
        } finally {
            restore(before);
        }
    }

    @Test
    void aRejectedSwitchLeavesTheMeasureAsItWas() throws Exception {
        catalogue.refresh();
        assertThat(measure("NO_AWARDS").enabled()).isTrue();
        MeasureChange change = as(MAKER, () -> catalogue.proposeSwitch("NO_AWARDS", false));
        try {
            catalogue.refresh();
            assertThat(measure("NO_AWARDS").enabled()).as("not off before approval").isTrue();
            Throwable second = catchThrowable(() -> as(MAKER, () -> catalogue.proposeSwitch("NO_AWARDS", true)));
            assertThat(second).as("one change of a measure waits at a time").isInstanceOf(MeasuresProblem.class)
                    .extracting("code").isEqualTo("MEASURE_CHANGE_PENDING");
            assertThat(catchThrowable(() -> as(CHECKER, () -> {
                catalogue.reject(change.id(), "");
                return null;
            }))).extracting("code").isEqualTo("REVIEW_NOTE_REQUIRED");

            as(CHECKER, () -> {
                catalogue.reject(change.id(), "仍须实施");
                return null;
            });

            catalogue.refresh();
            assertThat(measure("NO_AWARDS").enabled()).isTrue();
            assertThat(catalogue.pendingChanges()).extracting(MeasureChange::id).doesNotContain(change.id());
            assertThat(catchThrowable(() -> as(CHECKER, () -> {
                catalogue.approve(change.id(), "");
                return null;
            }))).extracting("code").isEqualTo("MEASURE_CHANGE_NOT_PENDING");
        } finally {
            switchOnAgain("NO_AWARDS");
        }
    }

    @Test
    void twoReviewersAtOnceMakeOneDecision() throws Exception {
        MeasureChange change = as(MAKER, () -> catalogue.proposeSwitch("NO_AWARDS", false));
        try {
            List<Optional<String>> results = AtOnce.decide(
                    new AtOnce.Decision("checker-a", () -> catalogue.approve(change.id(), "")),
                    new AtOnce.Decision("checker-b", () -> catalogue.reject(change.id(), "不同意")));
            assertThat(results).filteredOn(Optional::isEmpty).as("one decided").hasSize(1);
            assertThat(results).filteredOn(Optional::isPresent).extracting(Optional::get)
                    .containsExactly("MEASURE_CHANGE_NOT_PENDING");
            String decided = jdbc.sql("SELECT status FROM measures.measure_change WHERE id = ?").param(change.id())
                    .query(String.class).single();
            catalogue.refresh();
            assertThat(measure("NO_AWARDS").enabled()).isEqualTo(!decided.equals("APPROVED"));
        } finally {
            switchOnAgain("NO_AWARDS");
        }
    }

    /**
     * The reviewer of a revision sees everything it would put in force, the 三年无失信记录 switch, the subjects it
     * reaches and the rules it is limited to included, and what each changed field says now: a second person approves
     * what they can see, not a summary.
     */
    @Test
    void theReviewerSeesEveryFieldOfARevisionAndWhatItChanges() throws Exception {
        Measure before = measure("GREEN_CHANNEL");
        assertThat(before.subjectKinds()).as("seeded by V113")
                .containsExactlyInAnyOrder(SubjectKind.PERSON, SubjectKind.ORGANISATION);
        assertThat(before.ruleCodes()).isEmpty();
        try {
            as(MAKER, () -> catalogue.proposeRevision("GREEN_CHANNEL", before.name(), "《待审核的依据》第一条",
                    Set.of("HRSS", "MARKET"), false, before.listTypes(), before.scenarios(), !before.cleanRecord(),
                    Set.of(SubjectKind.PERSON), Set.of("RED_VOLUNTEER")));

            String page = page(checker(), "zh");
            String row = page.substring(page.indexOf("data-code=\"GREEN_CHANNEL\"", page.indexOf("id=\"pending-changes\"")));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("<ins>《待审核的依据》第一条</ins>", "<del>" + before.legalBasis() + "</del>")
                    .contains(before.cleanRecord() ? "<ins>不适用三年无失信记录的主体</ins>" : "<ins>适用三年无失信记录的主体</ins>")
                    .contains("<dt>适用主体</dt>", "<ins>自然人</ins>", "<dt>限定认定规则</dt>",
                            "<ins>优秀志愿者（五星，服务 1500 小时以上）</ins>", "<del>适用名单的全部认定规则</del>")
                    .containsPattern("<del>(自然人、法人和非法人组织|法人和非法人组织、自然人)</del>")
                    .as("the departments it would name, by name").contains("<dt>实施部门</dt>",
                            "<ins>市人力资源和社会保障局、市市场监督管理局</ins>", "<del>各部门</del>")
                    .doesNotContain("<ins>" + before.name() + "</ins>");
            String english = page(checker(), "en");
            assertThat(english.substring(english.indexOf("data-code=\"GREEN_CHANNEL\"", english.indexOf("id=\"pending-changes\"")))).contains(
                    "<dt>Subjects it applies to</dt>", "<dt>Limited to list rules</dt>",
                    "<del>Every rule of its lists</del>");
        } finally {
            restore(before);
        }
    }

    /** A measure may be limited only to rules of the lists it follows, and must reach some kind of subject. */
    @Test
    void aRevisionNamingAnotherListsRuleOrNoSubjectIsRefusedWithEachReason() {
        Measure before = measure("NO_AWARDS");
        Throwable refused = catchThrowable(() -> as(MAKER, () -> catalogue.proposeRevision("NO_AWARDS", before.name(),
                before.legalBasis(), before.departments(), before.allDepartments(), before.listTypes(), before.scenarios(), false, Set.of(),
                Set.of("RED_VOLUNTEER", "NO_SUCH_RULE", "BLACK_TAX_SERIOUS"))));

        assertThat(refused).isInstanceOf(MeasuresProblem.class).extracting("code").isEqualTo("MEASURE_INVALID");
        assertThat(refused.getMessage()).contains("须至少选择一类适用主体", "没有这个认定规则：NO_SUCH_RULE",
                "认定规则 RED_VOLUNTEER 属于红名单，不在所选的适用名单中").doesNotContain("BLACK_TAX_SERIOUS");
        assertThat(catalogue.pendingChanges()).extracting(MeasureChange::measureCode).doesNotContain("NO_AWARDS");
    }

    /**
     * Refused on its form, a revision comes back with the refusal and what was typed, answering 422: nothing was
     * proposed (issue #5: bad input gets a clear error and loses nothing).
     */
    @Test
    void aRevisionRefusedOnItsFormComesBackAsTypedWith422() throws Exception {
        Measure before = measure("NO_AWARDS");
        var form = post("/console/measures/NO_AWARDS").with(maker()).with(csrf())
                .param("name", "不得评优评先（刚输入）").param("legalBasis", "刚输入的依据")
                .param("department", before.departments().toArray(String[]::new))
                .param("list", before.listTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("scenario", before.scenarios().stream().map(Enum::name).toArray(String[]::new));
        String page = mvc.perform(form).andExpect(status().isUnprocessableContent())
                .andExpect(flash().attributeCount(0)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<code>MEASURE_INVALID</code>", "须至少选择一类适用主体",
                "须至少选择一个实施部门，或明确选择「所有部门」",
                "value=\"不得评优评先（刚输入）\"", "刚输入的依据</textarea>");
        assertThat(catalogue.pendingChanges()).extracting(MeasureChange::measureCode).doesNotContain("NO_AWARDS");
    }

    /**
     * Review xxv H2 (法释〔2015〕17号 第三条第二款): whether a measure reaches an organisation's responsible persons is on
     * its form, with its own basis, seeded for the court's travel restriction; ticked without a basis it is refused.
     */
    @Test
    void theFormShowsAndChecksWhetherAMeasureReachesResponsiblePersons() throws Exception {
        Measure before = measure("NO_FLIGHTS_TRAINS");
        assertThat(before.reachesResponsiblePersons()).isTrue();
        assertThat(before.responsiblePersonsBasis()).contains("法释〔2015〕17号", "第三条第二款");
        assertThat(mvc.perform(get("/console/measures/NO_FLIGHTS_TRAINS").with(maker())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("name=\"reachesResponsiblePersons\" value=\"true\" checked=\"checked\"",
                        "法释〔2015〕17号）第三条第二款");
        var form = post("/console/measures/NO_FLIGHTS_TRAINS").with(maker()).with(csrf())
                .param("name", before.name()).param("legalBasis", before.legalBasis())
                .param("allDepartments", String.valueOf(before.allDepartments()))
                .param("list", before.listTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("scenario", before.scenarios().stream().map(Enum::name).toArray(String[]::new))
                .param("subjectKind", before.subjectKinds().stream().map(Enum::name).toArray(String[]::new))
                .param("rule", before.ruleCodes().toArray(String[]::new))
                .param("reachesResponsiblePersons", "true").param("responsiblePersonsBasis", " ");
        if (!before.departments().isEmpty()) {
            form.param("department", before.departments().toArray(String[]::new));
        }
        assertThat(mvc.perform(form).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString()).contains("<code>MEASURE_INVALID</code>", "适用于单位负责人的措施须写明其法律依据");
        assertThat(catalogue.pendingChanges()).extracting(MeasureChange::measureCode)
                .doesNotContain("NO_FLIGHTS_TRAINS");
    }

    /** The measures page lists what waits for review; its maker is told to ask another, who approves it there. */
    @Test
    void aReviewerApprovesAWaitingSwitchOnTheMeasuresPage() throws Exception {
        try {
            mvc.perform(post("/console/measures/NO_AWARDS/enabled").param("enabled", "false").with(maker())
                            .with(csrf()))
                    .andExpect(flash().attribute("successKey", "measures.proposed"));
            MeasureChange change = catalogue.pendingChanges().stream().filter(c -> c.measureCode().equals("NO_AWARDS"))
                    .findFirst().orElseThrow();
            String approveUrl = "/console/measures/changes/" + change.id() + "/approve";

            assertThat(page(maker(), "zh")).contains("id=\"pending-changes\"", "您提出的变更，须由另一人审核。")
                    .doesNotContain(approveUrl);
            assertThat(page(checker(), "zh")).contains(approveUrl, "name=\"_csrf\"", "审核通过并生效");
            assertThat(page(checker(), "en")).contains("Measure changes awaiting review", "Approve and put in force");

            mvc.perform(post(approveUrl).with(checker())).andExpect(status().isForbidden());
            mvc.perform(post(approveUrl).with(maker()).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post(approveUrl).with(staff(MAKER, "measure:cases", "measure:edit", "measure:approve"))
                    .with(csrf())).andExpect(flash().attribute("failureCode", "MEASURE_SELF_APPROVAL"));
            mvc.perform(post(approveUrl).with(checker()).with(csrf()))
                    .andExpect(flash().attribute("successKey", "measures.changeApproved"));

            assertThat(measure("NO_AWARDS").enabled()).isFalse();
            assertThat(page(checker(), "zh")).doesNotContain("id=\"pending-changes\"");
        } finally {
            switchOnAgain("NO_AWARDS");
        }
    }

    /**
     * A reviewer holding measure:approve but not measure:cases nor measure:edit reaches the measures page from the
     * menu, sees the waiting change (not the departments' cases) and approves it there, and is told so; proposing a
     * change stays measure:edit's.
     */
    @Test
    void aReviewerWhoMayOnlyApproveDecidesOnTheMeasuresPageButProposesNothing() throws Exception {
        MeasureChange change = as(MAKER, () -> catalogue.proposeSwitch("NO_AWARDS", false));
        try {
            String approveUrl = "/console/measures/changes/" + change.id() + "/approve";
            assertThat(page(approverOnly(), "zh")).contains("id=\"pending-changes\"", approveUrl,
                    "href=\"/console/measures\"", "href=\"/console/list-rules\"")
                    .doesNotContain("id=\"cases\"", "id=\"unreturned\"", "/console/measures/NO_AWARDS/enabled");

            var approved = mvc.perform(post(approveUrl).with(approverOnly()).with(csrf()))
                    .andExpect(flash().attribute("successKey", "measures.changeApproved")).andReturn();
            catalogue.refresh();
            assertThat(measure("NO_AWARDS").enabled()).isFalse();
            for (String[] language : new String[][] {{"zh", "已审核通过，变更已生效。"},
                    {"en", "Approved; the change is in force."}}) {
                assertThat(mvc.perform(get(approved.getResponse().getRedirectedUrl()).param("lang", language[0])
                                .with(cn.chengxin.support.Sessions.flashOf(approved)).with(approverOnly()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                        .contains(language[1]);
            }

            mvc.perform(post("/console/measures/NO_AWARDS/enabled").param("enabled", "true").with(approverOnly())
                    .with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/console/measures/NO_AWARDS").with(approverOnly())).andExpect(status().isForbidden());
            assertThat(catalogue.pendingChanges()).extracting(MeasureChange::measureCode).doesNotContain("NO_AWARDS");
        } finally {
            rejectWaiting("NO_AWARDS");
            switchOnAgain("NO_AWARDS");
        }
    }

    private String page(RequestPostProcessor who, String lang) throws Exception {
        return mvc.perform(get("/console/measures").param("lang", lang).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions hiringCheck() throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(HIRING));
    }

    private Measure measure(String code) {
        return catalogue.all().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    /** The measure on again, as the other tests of the JVM expect it, in this instance's cache at once. */
    private void switchOnAgain(String code) {
        jdbc.sql("UPDATE measures.measure SET enabled = true WHERE code = ?").param(code).update();
        forgetApprovedReach(code);
        catalogue.refresh();
    }

    /**
     * What the test's approvals kept of what the measure reaches is forgotten with them: else the measure, off or
     * narrowed in between, would reach no entry of the other tests of the JVM listed before (MeasureReach).
     */
    private void forgetApprovedReach(String code) {
        jdbc.sql("DELETE FROM measures.measure_version WHERE measure_code = ? AND change_id IS NOT NULL").param(code)
                .update();
    }

    /** A change the test left waiting is closed, so that the next test may propose one. */
    private void rejectWaiting(String code) {
        jdbc.sql("UPDATE measures.measure_change SET status = 'REJECTED', decided_at = now() "
                + "WHERE measure_code = ? AND status = 'PENDING'").param(code).update();
    }

    private void restore(Measure before) {
        rejectWaiting(before.code());
        jdbc.sql("""
                        UPDATE measures.measure SET legal_basis = ?, departments = ?::text[], all_departments = ?,
                            scenarios = ?::text[], subject_kinds = ?::text[], rule_codes = ?::text[]
                        WHERE code = ?""")
                .params(before.legalBasis(), before.departments().toArray(String[]::new), before.allDepartments(),
                        before.scenarios().stream().map(Enum::name).toArray(String[]::new),
                        before.subjectKinds().stream().map(Enum::name).toArray(String[]::new),
                        before.ruleCodes().toArray(String[]::new), before.code()).update();
        forgetApprovedReach(before.code());
        catalogue.refresh();
    }

    private static RequestPostProcessor maker() {
        return staff(MAKER, "measure:cases", "measure:edit");
    }

    private static RequestPostProcessor checker() {
        return staff(CHECKER, "measure:cases", "measure:edit", "measure:approve");
    }

    private static RequestPostProcessor approverOnly() {
        return staff("measure-approver", "measure:approve");
    }
}
