package cn.chengxin.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.UniqueText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Typical cases and articles on the real database: maker-checker, one decision per version, safe search. */
@IntegrationTest
class ContentPublishingIT {

    @Autowired
    ContentPublishing content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAuthorCannotPublishTheirOwnArticleAndASecondPersonCan() throws Exception {
        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.CASE, "守信激励典型案例" + UniqueText.next(), "摘要",
                "第一段。\n\n第二段。"));
        content.submit(draft.id(), draft.version());
        int pending = content.find(draft.id()).orElseThrow().version();
        assertThatThrownBy(() -> content.publish(draft.id(), pending, "", true))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        // The console says so with the code, and nothing is published.
        mvc.perform(post("/console/content/{id}/publish", draft.id()).param("version", Integer.toString(pending))
                        .with(user("writer").authorities(new SimpleGrantedAuthority("STAFF"),
                                new SimpleGrantedAuthority("content:publish"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failureCode", "FOUR_EYES"));
        assertThat(content.published(draft.id())).isEmpty();
        mvc.perform(get("/cases/{id}", draft.id())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'content.publish' AND result = 'DENIED' "
                + "AND detail = ?").param("reason=CONTENT_OWN_ARTICLE; article=" + draft.id()).query(Long.class).single())
                .isEqualTo(2);

        as("checker");
        content.publish(draft.id(), pending, "同意发布", true);
        Article published = content.published(draft.id()).orElseThrow();
        assertThat(published.reviewedBy()).isEqualTo("checker");
        mvc.perform(get("/cases/{id}", draft.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<p>第二段。</p>")));
        // The database refuses a publication by its author too.
        assertThatThrownBy(() -> jdbc.sql("UPDATE portal.article SET reviewed_by = created_by WHERE id = ?")
                .param(draft.id()).update())
                .hasMessageMatching("(?s).*(article_four_eyes|article_editor_not_reviewer).*");

        content.withdraw(draft.id(), published.version());
        mvc.perform(get("/cases/{id}", draft.id())).andExpect(status().isNotFound());
    }

    /**
     * A case told under another kind is public disclosure all the same (I8, RULES.md §10, Shenzhen Art. 38): a
     * 信用知识 text naming its person is refused as a typical case is, in the service and in the console, and nothing is
     * saved; the same text de-identified is saved.
     */
    @Test
    void aKnowledgeArticleThatNamesAPersonIsRefused() throws Exception {
        as("writer");
        String title = "以案说法：拒不履行判决的后果" + UniqueText.next();
        String named = "张三，男，1985年生，因拒不履行生效判决被列入失信被执行人名单。";
        assertThatThrownBy(() -> content.draft(new ArticleText(ArticleKind.KNOWLEDGE, title, "摘要", named)))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_NAMES_A_PERSON");
        assertThatThrownBy(() -> content.draft(new ArticleText(ArticleKind.POLICY, title, named, "正文。")))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_NAMES_A_PERSON");
        var editor = authentication(Principals.staff("content-knowledge", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        assertThat(mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "KNOWLEDGE")
                        .param("title", title).param("summary", "").param("body", "手机13812345678。" + named))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("CASE_NAMES_A_PERSON", "「正文」第3个字", "id=\"body-refused\"");
        assertThat(jdbc.sql("SELECT count(*) FROM portal.article WHERE title = ?").param(title).query(Long.class)
                .single()).isZero();

        Article masked = content.draft(new ArticleText(ArticleKind.KNOWLEDGE, title, "摘要",
                "张某，男，1985年生，因拒不履行生效判决被列入失信被执行人名单。"));
        assertThat(masked.status()).isEqualTo(ArticleStatus.DRAFT);
    }

    /**
     * A policy article is published only with the reviewer's 保密审查, as a typical case is (I8, RULES.md §10,
     * Panzhihua): the console offers the confirmation for it, a publication without it changes nothing, and the
     * confirmation is kept with the review.
     */
    @Test
    void aPolicyArticleIsPublishedOnlyWithTheConfidentialityReview() throws Exception {
        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.POLICY, "信用修复办法解读" + UniqueText.next(), "摘要",
                "正文。"));
        content.submit(draft.id(), draft.version());
        int pending = content.find(draft.id()).orElseThrow().version();
        var reviewer = authentication(Principals.staff("policy-checker", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_PUBLISH));
        assertThat(page(get("/console/content/{id}", draft.id()).with(reviewer)))
                .contains("name=\"confidentialityReviewed\"", "已完成保密审查");

        mvc.perform(post("/console/content/{id}/publish", draft.id()).param("version", Integer.toString(pending))
                        .with(reviewer).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "CASE_CONFIDENTIALITY_REVIEW_MISSING"));
        as("checker");
        assertThatThrownBy(() -> content.publish(draft.id(), pending, "同意发布", false))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CASE_CONFIDENTIALITY_REVIEW_MISSING");
        assertThat(content.find(draft.id()).orElseThrow().status()).isEqualTo(ArticleStatus.PENDING);
        mvc.perform(get("/cases/{id}", draft.id())).andExpect(status().isNotFound());

        mvc.perform(post("/console/content/{id}/publish", draft.id()).param("version", Integer.toString(pending))
                        .param("confidentialityReviewed", "true").with(reviewer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "content.published"));
        assertThat(content.published(draft.id())).get().extracting(Article::confidentialityReviewed).isEqualTo(true);
        assertThat(page(get("/console/content/{id}", draft.id()).with(reviewer)))
                .contains("data-field=\"confidentiality\">审核人已确认</dd>");
    }

    /**
     * Articles published before every kind was checked (I8) stay up, and the console lists those that would now be
     * refused for the writers and reviewers to review: the field, the position and what was found, never the detail.
     * A de-identified one is not listed, and staff who may not write or review get no list.
     */
    @Test
    void publishedArticlesThatWouldNowBeRefusedAreListedForReview() throws Exception {
        String marker = UniqueText.next();
        UUID named = publishedBefore(ArticleKind.KNOWLEDGE, "以案说法旧文" + marker,
                "张三，男，1985年生，因拒不履行判决被列入失信被执行人名单。");
        UUID masked = publishedBefore(ArticleKind.POLICY, "政策解读旧文" + marker,
                "张某，男，1985年生，因拒不履行判决被列入失信被执行人名单。");
        assertThat(content.publishedToReview()).extracting(r -> r.article().id()).contains(named)
                .doesNotContain(masked);

        var editor = authentication(Principals.staff("content-review", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        String list = page(get("/console/content").with(editor));
        assertThat(list).contains("id=\"to-review\"").doesNotContain("张三");
        String toReview = list.substring(list.indexOf("id=\"to-review\""), list.indexOf("</section>",
                list.indexOf("id=\"to-review\"")));
        assertThat(toReview).contains("以案说法旧文" + marker, "「正文」第1个字起：未脱敏的姓名")
                .doesNotContain("政策解读旧文" + marker);
        assertThat(page(get("/console/content").param("lang", "en").with(editor)))
                .contains("“Text” from character 1");
        var anyStaff = authentication(Principals.staff("content-any", "CREDIT_OFFICE", Permission.CONSOLE_HOME));
        assertThat(page(get("/console/content").with(anyStaff))).doesNotContain("id=\"to-review\"");
        assertThat(content.published(named)).as("nothing is withdrawn unasked").isPresent();
    }

    /** An article as one published before this check stands in the table. */
    private UUID publishedBefore(ArticleKind kind, String title, String body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO portal.article (id, kind, status, title, summary, body, created_by, created_at,
                                                    edited_by, edited_at, submitted_by, submitted_at, reviewed_by,
                                                    reviewed_at, published_at)
                        VALUES (?, ?, 'PUBLISHED', ?, '摘要', ?, 'old-writer', now(), 'old-writer', now(),
                                'old-writer', now(), 'old-checker', now(), now())""")
                .params(id, kind.name(), title, body).update();
        return id;
    }

    /** The public 典型案例 names the kinds of articles in the reader's language (issue #5); Chinese as before. */
    /** A policy article published in the console is found on 政策法规 too, not only among the cases. */
    @Test
    void aPublishedPolicyArticleIsListedOnThePoliciesPage() throws Exception {
        as("writer");
        String title = "信用修复政策解读" + UniqueText.next();
        Article draft = content.draft(new ArticleText(ArticleKind.POLICY, title, "摘要", "正文。"));
        content.submit(draft.id(), draft.version());
        int pending = content.find(draft.id()).orElseThrow().version();
        mvc.perform(get("/policies")).andExpect(content().string(not(containsString(title))));

        as("checker");
        content.publish(draft.id(), pending, "同意发布", true);

        mvc.perform(get("/policies")).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("href=\"/cases/" + draft.id() + "\"")))
                .andExpect(content().string(containsString("国办发")));
    }

    @Test
    void thePublicCasesNameTheKindsInTheReadersLanguage() throws Exception {
        Article published = published(new ArticleText(ArticleKind.KNOWLEDGE, "信用知识问答" + UniqueText.next(), "摘要",
                "正文。"));
        String english = mvc.perform(get("/cases").param("q", published.title()).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<span class=\"badge\">Credit knowledge</span>",
                "<option value=\"CASE\">Typical case</option>").doesNotContain(">信用知识<", ">典型案例</option>");
        assertThat(mvc.perform(get("/cases/{id}", published.id()).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("<span>Credit knowledge</span>");
        assertThat(mvc.perform(get("/cases").param("q", published.title())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<span class=\"badge\">信用知识</span>", "<option value=\"CASE\">典型案例</option>");
        assertThat(mvc.perform(get("/cases/{id}", published.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("<span>信用知识</span>");
    }

    /**
     * The console's 典型案例与文章 names the kinds and states of articles in the reader's language (issues #5, #7);
     * Chinese as before.
     */
    @Test
    void theConsoleNamesKindsAndStatesInTheReadersLanguage() throws Exception {
        Article published = published(new ArticleText(ArticleKind.POLICY, "信用政策解读" + UniqueText.next(), "摘要",
                "正文。"));
        var editor = authentication(Principals.staff("content-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        assertThat(page(get("/console/content").param("status", "PUBLISHED").param("lang", "en").with(editor)))
                .contains("<td>Policy and regulation</td>", ">Published</span>",
                        "<option value=\"WITHDRAWN\">Withdrawn</option>")
                .doesNotContain("<td>政策法规</td>", ">已发布</span>", ">已撤下</option>");
        assertThat(page(get("/console/content/{id}", published.id()).param("lang", "en").with(editor)))
                .contains("<dd>Policy and regulation</dd>", ">Published</span></h1>");
        assertThat(page(get("/console/content/new").param("lang", "en").with(editor)))
                .contains(">Credit knowledge</option>").doesNotContain(">信用知识</option>");

        assertThat(page(get("/console/content").param("status", "PUBLISHED").with(editor)))
                .contains("<td>政策法规</td>", ">已发布</span>", "<option value=\"WITHDRAWN\">已撤下</option>");
        assertThat(page(get("/console/content/{id}", published.id()).with(editor)))
                .contains("<dd>政策法规</dd>", ">已发布</span></h1>");
        assertThat(page(get("/console/content/new").with(editor))).contains(">信用知识</option>");
    }

    /**
     * The reviewer who may not write (content:publish only: maker-checker, RULES.md §10) finds 典型案例 in the menu,
     * offered no new article; the writer keeps both.
     */
    @Test
    void theReviewerWhoMayNotWriteFindsTheArticlesInTheMenu() throws Exception {
        var reviewer = authentication(Principals.staff("content-reviewer", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_PUBLISH));
        var editor = authentication(Principals.staff("content-writer", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        assertThat(page(get("/console").with(reviewer))).contains("href=\"/console/content\"");
        assertThat(page(get("/console/content").with(reviewer))).doesNotContain("href=\"/console/content/new\"");
        assertThat(page(get("/console").with(editor))).contains("href=\"/console/content\"");
        assertThat(page(get("/console/content").with(editor))).contains("href=\"/console/content/new\"");
    }

    /** Whoever last edited the text may not publish it after the author submits it (issue #5). */
    @Test
    void theLastEditorCannotPublishTheTextTheyRewrote() throws Exception {
        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.KNOWLEDGE, "信用修复指南" + UniqueText.next(), "摘要",
                "原文。"));
        as("editor");
        content.edit(draft.id(), draft.version(), new ArticleText(ArticleKind.KNOWLEDGE, draft.title(), "摘要",
                "改写后的正文。"));
        as("writer");
        content.submit(draft.id(), content.find(draft.id()).orElseThrow().version());
        int pending = content.find(draft.id()).orElseThrow().version();

        as("editor");
        assertThatThrownBy(() -> content.publish(draft.id(), pending, "", true))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        assertThat(content.published(draft.id())).isEmpty();
        as("checker");
        content.publish(draft.id(), pending, "同意发布", true);
        assertThat(content.published(draft.id())).isPresent();
        // The database refuses a publication by the last editor too.
        assertThatThrownBy(() -> jdbc.sql("UPDATE portal.article SET reviewed_by = edited_by WHERE id = ?")
                .param(draft.id()).update()).hasMessageContaining("article_editor_not_reviewer");
    }

    @Test
    void twoReviewersApprovingAtOnceMakeExactlyOneDecision() throws Exception {
        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.POLICY, "并发审核" + UniqueText.next(), "", "正文"));
        content.submit(draft.id(), draft.version());
        int version = content.find(draft.id()).orElseThrow().version();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (String reviewer : List.of("reviewer-a", "reviewer-b")) {
                Callable<String> approve = () -> {
                    as(reviewer);
                    start.await();
                    try {
                        content.publish(draft.id(), version, "", true);
                        return "published";
                    } catch (RuntimeException e) {
                        return ((DomainProblem) e).code();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                outcomes.add(pool.submit(approve));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsOnlyOnce("published");
            assertThat(results).filteredOn(r -> !r.equals("published")).singleElement()
                    .isIn("ARTICLE_CHANGED", "ARTICLE_STATE");
        } finally {
            pool.shutdown();
        }
        Article decided = content.find(draft.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(decided.version()).isEqualTo(version + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'content.publish' AND result = 'SUCCESS' "
                + "AND detail = ?").param("reason=CONTENT_PUBLISHED_REVIEWED; article=" + draft.id()).query(Long.class)
                .single()).isEqualTo(1);
    }

    /**
     * A refused article comes back as its form with what was written and the refusal, answered 422: nothing was saved
     * (issue #5: bad input gets a clear error and loses nothing); one refused because another person changed it first
     * comes back the same way, answered 409 as the API answers a conflict. A send-back without its reason is flashed
     * on the article's page as before.
     */
    @Test
    void aRefusedArticleComesBackAsWrittenWith422() throws Exception {
        var editor = authentication(Principals.staff("content-form", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CONTENT_EDIT));
        String body = "正文第一段，写了很久" + UniqueText.next();
        assertThat(mvc.perform(post("/console/content").with(editor).with(csrf()).param("kind", "CASE")
                        .param("title", "").param("summary", "摘要").param("body", body))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("ARTICLE_TITLE_MISSING", "请填写标题", body + "</textarea>");

        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.CASE, "信用承诺典型案例" + UniqueText.next(), "", "原文。"));
        assertThat(mvc.perform(post("/console/content/{id}", draft.id()).with(editor).with(csrf())
                        .param("version", Integer.toString(draft.version() + 1)).param("kind", "CASE")
                        .param("title", draft.title()).param("summary", "").param("body", body))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString())
                .as("a stale form is a conflict, as the API answers it, still shown again as written")
                .contains("ARTICLE_CHANGED", "文章已被他人处理或修改", body + "</textarea>");
        assertThat(content.find(draft.id()).orElseThrow().body()).isEqualTo("原文。");

        content.submit(draft.id(), draft.version());
        mvc.perform(post("/console/content/{id}/reject", draft.id()).with(csrf())
                        .param("version", Integer.toString(content.find(draft.id()).orElseThrow().version()))
                        .with(authentication(Principals.staff("content-checker", "CREDIT_OFFICE",
                                Permission.CONSOLE_HOME, Permission.CONTENT_PUBLISH))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/content/" + draft.id()))
                .andExpect(flash().attribute("failureCode", "REJECTION_REASON_MISSING"))
                .andExpect(flash().attribute("failure", "退回须说明理由"));
        assertThat(content.find(draft.id()).orElseThrow().status()).isEqualTo(ArticleStatus.PENDING);
    }

    @Test
    void htmlAndSqlInTheSearchBoxAndInArticlesAreText() throws Exception {
        String marker = Long.toString(System.nanoTime(), 36);
        String hostile = "<script>alert('x')</script> 100% 信用_" + marker;
        as("writer");
        Article draft = content.draft(new ArticleText(ArticleKind.KNOWLEDGE, hostile, "<img src=x onerror=alert(1)>",
                "<b>粗体</b>\n\n'; DROP TABLE portal.article; --"));
        content.submit(draft.id(), draft.version());
        as("checker");
        content.publish(draft.id(), content.find(draft.id()).orElseThrow().version(), "", true);
        SecurityContextHolder.clearContext();

        mvc.perform(get("/cases").param("q", "<script>alert('x')</script> 100% 信用_" + marker))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/cases/{id}", draft.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;粗体&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>粗体"))));
        // SQL is a search text like any other: it matches nothing and breaks nothing.
        for (String sql : List.of("' OR '1'='1", "'; DROP TABLE portal.article; --", "%' --", "\\")) {
            assertThat(content.published(null, sql, 0).total()).as(sql).isZero();
            mvc.perform(get("/cases").param("q", sql)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("暂无符合条件的内容")));
        }
        // LIKE wildcards match themselves only.
        assertThat(content.published(null, "100% 信用_" + marker, 0).total()).isEqualTo(1);
        assertThat(content.published(null, "100%%信用", 0).total()).isZero();
        assertThat(content.published(ArticleKind.KNOWLEDGE, "信用_" + marker, 0).articles())
                .extracting(Article::id).containsExactly(draft.id());
        assertThat(content.published(ArticleKind.CASE, "信用_" + marker, 0).total()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM portal.article").query(Long.class).single()).isPositive();
        mvc.perform(get("/cases").param("page", Integer.toString(Integer.MAX_VALUE))).andExpect(status().isOk());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** An article drafted by one person and published by another. */
    private Article published(ArticleText text) {
        as("writer");
        Article draft = content.draft(text);
        content.submit(draft.id(), draft.version());
        as("checker");
        content.publish(draft.id(), content.find(draft.id()).orElseThrow().version(), "同意发布", true);
        SecurityContextHolder.clearContext();
        return content.published(draft.id()).orElseThrow();
    }

    private static void as(String name) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("STAFF"))));
    }
}
