package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.FormerName;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxv H6 on PostgreSQL: a subject's name changes only when one staff member proposes it from evidence and
 * another approves it; the former name is kept with its period, every step is audited under the subject's pseudonym,
 * and the console shows the change on the subject page and the reviewers' queue with the number masked.
 */
@IntegrationTest
class RenamingSubjectsIT {

    @Autowired
    RenamingSubjects names;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void theProposerCannotApproveAndASecondPersonRenamesKeepingTheFormerName() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "钟原名");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        LocalDate from = LocalDate.now(clock).minusMonths(2);
        UUID proposal = as("rename-a", () -> names.propose(subject, "钟改名", from,
                NameChangeEvidence.HOUSEHOLD_REGISTER_CHANGE, "户口簿变更页 2026-031", "户籍姓名已变更"));
        assertThat(subjects.profile(subject).orElseThrow().name()).as("not used before approval").isEqualTo("钟原名");

        assertThat(catchThrowable(() -> as("rename-a", () -> {
            names.approve(proposal, "");
            return null;
        }))).isInstanceOf(SubjectProblem.class).extracting("code").isEqualTo("NAME_CHANGE_SELF_REVIEW");
        assertThat(catchThrowable(() -> as("rename-a", () -> {
            names.reject(proposal, "撤回");
            return null;
        }))).isInstanceOf(SubjectProblem.class).extracting("code").isEqualTo("NAME_CHANGE_SELF_REVIEW");
        assertThat(catchThrowable(() -> as("rename-c", () -> names.propose(subject, "钟另名", from,
                NameChangeEvidence.HOUSEHOLD_REGISTER_CHANGE, "户口簿", "再提"))))
                .extracting("code").isEqualTo("NAME_CHANGE_PENDING");
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("钟原名");

        as("rename-b", () -> {
            names.approve(proposal, "与户口簿核对一致");
            return null;
        });
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("钟改名");
        assertThat(names.formerNamesOf(subject)).containsExactly(new FormerName("钟原名", null, from.minusDays(1)));
        assertThat(names.of(subject)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(NameChangeProposal.Status.APPROVED);
            assertThat(p.decidedByName()).isEqualTo("rename-b");
        });
        SubjectRegistry.Found found = subjects.findAll(java.util.List.of(subjects.validate(null, person.number())))
                .values().iterator().next();
        assertThat(found.match("钟原名", from.minusDays(1))).isEqualTo(SubjectNames.Match.FORMER);
        assertThat(found.match("钟原名", from)).isEqualTo(SubjectNames.Match.OTHER);

        // A second change: the name it leaves holds from the first change on, and no earlier day may be given.
        assertThat(catchThrowable(() -> as("rename-a", () -> names.propose(subject, "钟三名", from,
                NameChangeEvidence.HOUSEHOLD_REGISTER_CHANGE, "户口簿", "再次变更"))))
                .extracting("code").isEqualTo("NAME_CHANGE_DATE_INVALID");
        assertThat(catchThrowable(() -> as("rename-a", () -> names.propose(subject, "钟三名",
                LocalDate.now(clock), NameChangeEvidence.NAME_CHANGE_NOTICE, "通知书", "再次变更"))))
                .as("an enterprise notice shows no person's change").extracting("code")
                .isEqualTo("NAME_CHANGE_EVIDENCE_KIND");
        assertThat(catchThrowable(() -> as("rename-a", () -> names.propose(subject, " 钟改名 ",
                LocalDate.now(clock), NameChangeEvidence.POLICE_CERTIFICATE, "证明", "同名"))))
                .extracting("code").isEqualTo("NAME_CHANGE_SAME_NAME");
        assertThat(catchThrowable(() -> as("rename-a", () -> names.propose(subject, "钟三名",
                LocalDate.now(clock), NameChangeEvidence.POLICE_CERTIFICATE, "证明 " + person.number(), "变更"))))
                .as("a resident number, anyone's, refused first").extracting("code")
                .isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");

        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        assertThat(jdbc.sql("SELECT action || ' ' || actor_name || ' ' || coalesce(detail, '') FROM audit.event "
                        + "WHERE subject_pseudonym = ? AND action LIKE 'subject.name.%' ORDER BY seq")
                .param(pseudonym).query(String.class).list())
                .satisfiesExactly(
                        a -> assertThat(a).startsWith("subject.name.propose rename-a"),
                        a -> assertThat(a).startsWith("subject.name.approve rename-b"))
                .allSatisfy(a -> assertThat(a).doesNotContain(person.number()));
    }

    /**
     * The subject page offers the form to a clerk and shows the history of names, the number masked; the queue shows a
     * reviewer both names to check against the evidence, and the decision buttons only to a reviewer.
     */
    @Test
    void theSubjectPageAndTheQueueShowTheChangeWithTheNumberMasked() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁甲名");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        RequestPostProcessor clerk = authentication(Principals.staff("rename-clerk", "CREDIT_OFFICE",
                Permission.SUBJECT_READ, Permission.SUBJECT_AMEND));
        RequestPostProcessor reviewer = authentication(Principals.staff("rename-reviewer", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ, Permission.SUBJECT_AMEND_REVIEW));
        // One who may both propose and review, as one signed-in person (the same actor id).
        RequestPostProcessor both = authentication(Principals.staff("rename-both", "CREDIT_OFFICE",
                Permission.SUBJECT_READ, Permission.SUBJECT_AMEND, Permission.SUBJECT_AMEND_REVIEW));

        String page = open(subject, clerk);
        assertThat(page).contains("name-change-form", Masking.identityNumber(person.number()))
                .doesNotContain(person.number());
        assertThat(open(subject, reviewer)).as("the form is the proposer's").doesNotContain("name-change-form");

        mvc.perform(post("/console/subjects/" + subject + "/name").param("newName", "祁乙名")
                        .param("effectiveFrom", LocalDate.now(clock).toString())
                        .param("nameEvidence", "POLICE_CERTIFICATE").param("nameReference", "派出所证明 2026-77")
                        .param("nameReason", "户籍姓名变更").param("purpose", "DATA_QUALITY")
                        .with(both).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID proposal = names.of(subject).get(0).id();
        String action = "/console/subjects/names/" + proposal + "/approve";
        assertThat(mvc.perform(get("/console/subjects/names").with(reviewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("祁甲名 → 祁乙名", action, Masking.identityNumber(person.number()))
                .doesNotContain(person.number());
        assertThat(mvc.perform(get("/console/subjects/names").with(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(action);

        mvc.perform(post(action).with(both).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "failureCode", "NAME_CHANGE_SELF_REVIEW"));
        assertThat(subjects.profile(subject).orElseThrow().name()).as("not by the proposer").isEqualTo("祁甲名");
        mvc.perform(post(action).with(reviewer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("祁乙名");

        assertThat(open(subject, clerk)).contains("former-names", Masking.personName("祁甲名"), "name-change-history",
                        Masking.personName("祁乙名"), Masking.identityNumber(person.number()))
                .doesNotContain(person.number());
    }

    private String open(UUID subject, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/console/subjects/open").param("subject", subject.toString())
                        .param("purpose", "DATA_QUALITY").with(who).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
