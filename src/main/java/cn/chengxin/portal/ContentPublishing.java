package cn.chengxin.portal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleLifecycle;
import cn.chengxin.portal.content.domain.ArticleLifecycle.Step;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.portal.content.domain.ContentProblem;
import cn.chengxin.portal.content.persistence.JdbcArticles;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Typical cases and policy/knowledge articles of the public site (典型案例, 政策法规, 信用知识): written in the
 * console (content:edit), published by a second person (content:publish), withdrawn when outdated. Every
 * change names the article's version it was made on; a change made on an older version is refused, so two
 * reviewers acting at once produce exactly one decision. Every change is audited.
 */
@Service
public class ContentPublishing {

    public static final int PAGE_SIZE = 10;
    /** Far beyond any real list; keeps the offset of a hostile page number from overflowing. */
    private static final int MAX_PAGE = 100_000;

    private final JdbcArticles articles;
    private final AuditLog audit;
    private final Clock clock;

    ContentPublishing(JdbcArticles articles, AuditLog audit, Clock clock) {
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Article> find(UUID id) {
        return articles.find(id);
    }

    /** For the console: every article, or those in one state; newest change first. */
    public List<Article> all(ArticleStatus status) {
        return articles.all(status);
    }

    /** For the public site: published articles, of one kind or all, whose title contains {@code query}. */
    public ArticlePage published(ArticleKind kind, String query, int page) {
        int p = Math.min(Math.max(0, page), MAX_PAGE);
        String q = query == null ? "" : query.strip();
        return new ArticlePage(articles.published(kind, q, PAGE_SIZE, p * PAGE_SIZE), p, PAGE_SIZE,
                articles.countPublished(kind, q));
    }

    public Optional<Article> published(UUID id) {
        return articles.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED);
    }

    @Transactional
    public Article draft(ArticleText text) {
        requireNoIdentityNumber(text);
        UUID id = Ids.newId();
        articles.insert(id, text, actor(), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.draft").detail(id + " " + text.kind()));
        return articles.find(id).orElseThrow();
    }

    /** Revises a draft, or a withdrawn article (which becomes a draft to be reviewed again). */
    @Transactional
    public void edit(UUID id, int version, ArticleText text) {
        requireNoIdentityNumber(text);
        Article article = current(id, Step.EDIT);
        changed(articles.edit(id, version, text, actor(), clock.instant()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.edit").detail(id + " v" + article.version()));
    }

    @Transactional
    public void submit(UUID id, int version) {
        current(id, Step.SUBMIT);
        changed(articles.submit(id, version, actor(), clock.instant()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.submit").detail(id.toString()));
    }

    /** The checker's decision: the article goes public. Refused to its author, its last editor and its submitter. */
    @Transactional
    public void publish(UUID id, int version, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Article article = current(id, Step.PUBLISH);
        String by = actor();
        try {
            ArticleLifecycle.requireOtherReviewer(by, article.createdBy(), article.editedBy(), article.submittedBy());
        } catch (ContentProblem ownArticle) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.publish").result(AuditResult.DENIED)
                    .detail(id + ": own article"));
            throw ownArticle;
        }
        changed(articles.publish(id, version, by, clock.instant(), blankToNull(note)));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.publish").detail(id.toString()));
    }

    /** Sends a submitted article back to its author with the reason. */
    @Transactional
    public void reject(UUID id, int version, String note) {
        current(id, Step.REJECT);
        if (note == null || note.isBlank()) {
            throw ContentProblem.invalid("REJECTION_REASON_MISSING", "退回须说明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        changed(articles.reject(id, version, actor(), clock.instant(), note.strip()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.reject").detail(id.toString()));
    }

    @Transactional
    public void withdraw(UUID id, int version) {
        current(id, Step.WITHDRAW);
        changed(articles.withdraw(id, version, actor(), clock.instant()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.withdraw").detail(id.toString()));
    }

    /**
     * A case or an article is published on the public site for anyone to read, and a typical case names its person
     * (RULES.md §10: identity numbers only encrypted and masked): none may stand in its title, summary or body.
     */
    private static void requireNoIdentityNumber(ArticleText text) {
        TypedText.requireNoIdentityNumber("title", "标题", text.title());
        TypedText.requireNoIdentityNumber("summary", "摘要", text.summary());
        TypedText.requireNoIdentityNumber("body", "正文", text.body());
    }

    private Article current(UUID id, Step step) {
        Article article = articles.find(id).orElseThrow(() -> new ContentProblem("ARTICLE_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "文章不存在"));
        ArticleLifecycle.next(article.status(), step);
        return article;
    }

    /** The update matched no row: someone else changed the article since the caller read it. */
    private static void changed(boolean updated) {
        if (!updated) {
            throw new ContentProblem("ARTICLE_CHANGED", DomainProblem.Kind.CONFLICT, "文章已被他人处理或修改，请刷新后重试");
        }
    }

    private static String actor() {
        return AuditLog.currentActor().actorName();
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
