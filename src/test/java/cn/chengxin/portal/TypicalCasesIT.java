package cn.chengxin.portal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.creditfile.SubjectEntry;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import cn.chengxin.support.UniqueText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Typical cases on the real database (F9, RULES.md §10, §4, §6): de-identified before they go public, published with
 * the reviewer's 保密审查, withdrawn with the record they report, and unpublished texts read only by their writers and
 * reviewers.
 */
@IntegrationTest
class TypicalCasesIT {

    @Autowired
    ContentPublishing content;

    @Autowired
    CreditFile creditFile;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A case names the record it reports by its decision number; published after the reviewer's 保密审查, it goes off
     * the public site when the record is repaired, in the repair's transaction, and the office finds why in the log.
     * Written again, it cannot be published while the record is not shown.
     */
    @Test
    void aCaseLinkedToARecordIsWithdrawnWhenTheRecordIsRepaired() throws Exception {
        String decision = shownPenalty("钟修复");

        as("case-writer");
        assertThatThrownBy(() -> content.draft(text("未知文书号"), "驻市监罚〔1999〕1号"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_RECORD_NOT_FOUND");
        Article draft = content.draft(text("经营者受罚后整改到位的典型案例"), decision);
        assertThat(content.linkedDecisions(draft.id())).containsExactly(decision);
        content.submit(draft.id(), draft.version());
        int pending = content.find(draft.id()).orElseThrow().version();

        as("case-checker");
        assertThatThrownBy(() -> content.publish(draft.id(), pending, "同意", false))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_CONFIDENTIALITY_REVIEW_MISSING");
        content.publish(draft.id(), pending, "同意", true);
        assertThat(content.published(draft.id())).get().extracting(Article::confidentialityReviewed).isEqualTo(true);
        Article withdrawn = withdrawnWhenRepaired(draft.id(), decision);

        as("case-writer");
        content.edit(draft.id(), withdrawn.version(), text("经营者受罚后整改到位的典型案例"));
        Article again = content.find(draft.id()).orElseThrow();
        content.submit(again.id(), again.version());
        as("case-checker");
        assertThatThrownBy(() -> content.publish(draft.id(), content.find(draft.id()).orElseThrow().version(), "同意",
                true)).extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_RECORD_NOT_SHOWN");
    }

    /**
     * A 信用知识 text may name the record it tells of, as a typical case does, and goes off the public site with it when
     * the record is repaired (I8, RULES.md §4, §6: publication stops), in the repair's transaction, audited for the
     * office.
     */
    @Test
    void aKnowledgeArticleLinkedToARecordIsWithdrawnWhenTheRecordIsRepaired() throws Exception {
        String decision = shownPenalty("钟知识");
        as("case-writer");
        Article draft = content.draft(new ArticleText(ArticleKind.KNOWLEDGE, "以案说法：受罚后如何修复信用"
                + UUID.randomUUID(), "摘要", "某经营者受到行政处罚后主动整改。"), decision);
        assertThat(content.linkedDecisions(draft.id())).containsExactly(decision);
        content.submit(draft.id(), draft.version());
        as("case-checker");
        content.publish(draft.id(), content.find(draft.id()).orElseThrow().version(), "同意", true);

        withdrawnWhenRepaired(draft.id(), decision);
    }

    /** A case that names its person is refused with the field and the position; the same text masked is saved. */
    @Test
    void aCaseThatNamesItsPersonIsRefusedWithThePosition() throws Exception {
        var editor = authentication(Principals.staff("case-form", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        String page = mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "CASE")
                        .param("title", "拒不履行判决的典型案例").param("summary", "")
                        .param("body", "被执行人王小明，男，1985年生，住驿城区某小区，电话13812345678。"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("CASE_NAMES_A_PERSON", "「正文」第4个字", "id=\"body-refused\"");

        mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "CASE")
                        .param("title", "拒不履行判决的典型案例").param("summary", "")
                        .param("body", "被执行人王某某，男，1985年生，住驿城区某小区。"))
                .andExpect(status().is3xxRedirection());
        // Every kind is public (I8): a mobile number is refused in a policy text too; a landline or a hotline is not.
        assertThat(mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "POLICY")
                        .param("title", "政策解读").param("summary", "")
                        .param("body", "咨询电话13812345678。"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("CASE_NAMES_A_PERSON", "「正文」第5个字");
        mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "POLICY")
                        .param("title", "政策解读").param("summary", "")
                        .param("body", "咨询电话0396-2345678或12345。"))
                .andExpect(status().is3xxRedirection());
    }

    /** Drafts, texts sent back and withdrawn ones are read by writers and reviewers only, not by any staff member. */
    @Test
    void unpublishedTextsAreReadOnlyByTheirWritersAndReviewers() throws Exception {
        as("case-writer");
        String title = "未发布的案例" + UniqueText.next();
        Article draft = content.draft(text(title), "");
        var anyStaff = authentication(Principals.staff("case-reader", "CREDIT_OFFICE", Permission.CONSOLE_HOME));
        var reviewer = authentication(Principals.staff("case-reviewer", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_PUBLISH));

        mvc.perform(get("/console/content/{id}", draft.id()).with(anyStaff)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/console/content").param("status", "DRAFT").with(anyStaff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain(title);
        mvc.perform(get("/console/content/{id}", draft.id()).with(reviewer)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/console/content").param("status", "DRAFT").with(reviewer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(title);
    }

    /** A penalty of a newly registered person, shown in the file; returns its decision number. */
    private String shownPenalty(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                decision);
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        await().until(() -> creditFile.fileOf(subject).stream().anyMatch(e -> e.decisionNumber().equals(decision)));
        return decision;
    }

    /**
     * The published article, shown on the public site, goes off it when the record it reports is repaired, as the
     * repair desk does once a repair is approved (RULES.md §6), and the office finds why in the log.
     */
    private Article withdrawnWhenRepaired(UUID article, String decision) throws Exception {
        mvc.perform(get("/cases/{id}", article)).andExpect(status().isOk());
        SecurityContextHolder.clearContext();
        SubjectEntry shown = creditFile.shownWithDecisionNumber(decision).get(0);
        assertThat(creditFile.changeStatus(shown.subjectId(), shown.entry().recordKey(), Set.of(RecordStatus.ACTIVE),
                RecordStatus.REPAIRED, "repair-test", "信用修复")).isTrue();

        Article withdrawn = content.find(article).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).contains("已修复");
        mvc.perform(get("/cases/{id}", article)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'content.withdraw.record' "
                + "AND detail LIKE ?").param("reason=CONTENT_RECORD_NOT_SHOWN; article=" + article + ";%")
                .query(Long.class).single()).isOne();
        return withdrawn;
    }

    private static ArticleText text(String title) {
        return new ArticleText(ArticleKind.CASE, title + UUID.randomUUID(), "摘要",
                "某企业受到行政处罚后，主动整改并履行全部义务。");
    }

    private static void as(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("STAFF"))));
    }
}
