package cn.chengxin.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.creditfile.SubjectEntry;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleLifecycle;
import cn.chengxin.portal.content.domain.ArticleLifecycle.Step;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.portal.content.domain.ContentProblem;
import cn.chengxin.portal.content.domain.PersonalDetails;
import cn.chengxin.portal.content.persistence.JdbcArticles;
import cn.chengxin.portal.content.persistence.JdbcArticles.RecordLink;
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
 *
 * <p>Every article is public disclosure (RULES.md §10), whatever kind its writer files it under: a case told as 信用知识
 * names a person as much as one filed as 典型案例. So every kind is refused while it holds a detail that names a person
 * ({@link PersonalDetails}), and published only by a reviewer who confirms its 保密审查. An article of any kind may
 * name the records it reports, by their decision document numbers; when any of them is repaired, revoked, corrected
 * or leaves publication, the article is withdrawn with it (RULES.md §4, §6: the information is no longer shown).
 */
@Service
public class ContentPublishing {

    public static final int PAGE_SIZE = 10;
    /** Records one article may report: an article tells of one matter, not a list. */
    public static final int MAX_LINKS = 20;
    /** Far beyond any real list; keeps the offset of a hostile page number from overflowing. */
    private static final int MAX_PAGE = 100_000;

    private final JdbcArticles articles;
    private final AuditLog audit;
    private final Clock clock;
    private final CreditFile creditFile;

    ContentPublishing(JdbcArticles articles, AuditLog audit, Clock clock, CreditFile creditFile) {
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
        this.creditFile = creditFile;
    }

    /** The records an article reports, by the decision numbers it named them by. */
    public List<String> linkedDecisions(UUID id) {
        return articles.links(id).stream().map(RecordLink::decisionNumber).distinct().toList();
    }

    /**
     * A published article that would be refused today because its text names a person ({@link PersonalDetails}).
     *
     * @param field the field where the first detail was found, as the form names it ({@code body})
     */
    public record ToReview(Article article, String field, PersonalDetails.Found found) {
    }

    /**
     * The published articles, of any kind, whose text names a person: published before every kind was checked (I8), or
     * before a case was (F9). Nothing withdraws them unasked: a policy or knowledge text is mostly harmless, and the
     * check may be wrong about a word; the console lists them for the office to review, withdraw and correct. Checked
     * when asked, so the list empties as the office acts and never holds what it found.
     */
    public List<ToReview> publishedToReview() {
        List<ToReview> found = new ArrayList<>();
        for (Article article : articles.all(ArticleStatus.PUBLISHED)) {
            firstDetail(article).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<ToReview> firstDetail(Article article) {
        String[][] fields = {{"title", article.title()}, {"summary", article.summary()}, {"body", article.body()}};
        for (String[] field : fields) {
            Optional<PersonalDetails.Found> found = PersonalDetails.in(field[1]);
            if (found.isPresent()) {
                return Optional.of(new ToReview(article, field[0], found.get()));
            }
        }
        return Optional.empty();
    }

    public Optional<Article> find(UUID id) {
        return articles.find(id);
    }

    /** For the console: every article, or those in one state; newest change first. */
    public List<Article> all(ArticleStatus status) {
        return articles.all(status);
    }

    /**
     * How many articles submitted for review wait for {@code reviewerName} (a staff user's name), who did not write,
     * edit or submit them (双人复核), for 工作台 (finding K6).
     */
    public long awaiting(String reviewerName) {
        return articles.countPendingFor(reviewerName);
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
        return draft(text, "");
    }

    /**
     * A new draft; {@code decisions}: the decision document numbers of the records the article reports, one a line
     * (blank: none), whatever its kind.
     */
    @Transactional
    public Article draft(ArticleText text, String decisions) {
        requirePublishable(text);
        List<RecordLink> links = links(decisions);
        UUID id = Ids.newId();
        articles.insert(id, text, actor(), clock.instant());
        articles.replaceLinks(id, links);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.draft").detail(withRecords(AuditDetail.of(links.isEmpty() ? "CONTENT_DRAFTED" : "CONTENT_DRAFTED_RECORDS")
                .with("article", id).with("kind", text.kind()), links)));
        return articles.find(id).orElseThrow();
    }

    /** Revises a draft, or a withdrawn article (which becomes a draft to be reviewed again); its links stay. */
    @Transactional
    public void edit(UUID id, int version, ArticleText text) {
        edit(id, version, text, null);
    }

    /** As {@link #edit(UUID, int, ArticleText)}, the article's records named anew ({@code null}: as they were). */
    @Transactional
    public void edit(UUID id, int version, ArticleText text, String decisions) {
        requirePublishable(text);
        List<RecordLink> links = decisions == null ? null : links(decisions);
        Article article = current(id, Step.EDIT);
        changed(articles.edit(id, version, text, actor(), clock.instant()));
        if (links != null) {
            articles.replaceLinks(id, links);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.edit").detail(withRecords(AuditDetail.of(
                links == null || links.isEmpty() ? "CONTENT_EDITED" : "CONTENT_EDITED_RECORDS")
                .with("article", id).with("version", article.version()), links)));
    }

    @Transactional
    public void submit(UUID id, int version) {
        current(id, Step.SUBMIT);
        changed(articles.submit(id, version, actor(), clock.instant()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.submit").detail(id.toString()));
    }

    /**
     * The checker's decision: the article goes public. Refused to its author, its last editor and its submitter.
     * Every kind needs {@code confidentialityReviewed}, the reviewer's 保密审查 (RULES.md §10, Panzhihua), kept with
     * the review; the text is checked again for details that name a person (a draft may predate the check), and it is
     * refused while a record it reports is no longer shown.
     */
    @Transactional
    public void publish(UUID id, int version, String note, boolean confidentialityReviewed) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Article article = current(id, Step.PUBLISH);
        String by = actor();
        try {
            ArticleLifecycle.requireOtherReviewer(by, article.createdBy(), article.editedBy(), article.submittedBy());
        } catch (ContentProblem ownArticle) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.publish").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("CONTENT_OWN_ARTICLE").with("article", id)));
            throw ownArticle;
        }
        if (!confidentialityReviewed) {
            throw ContentProblem.invalid("CASE_CONFIDENTIALITY_REVIEW_MISSING",
                    "发布前须确认已完成保密审查：已去标识化，不含可识别个人的信息");
        }
        requirePublishable(new ArticleText(article.kind(), article.title(), article.summary(), article.body()));
        for (RecordLink link : articles.links(id)) {
            Optional<FileEntry> entry = currentEntry(link);
            if (entry.isEmpty() || !entry.get().status().shown()) {
                throw new ContentProblem("CASE_RECORD_NOT_SHOWN", DomainProblem.Kind.CONFLICT, "文章所报道的记录（"
                        + link.decisionNumber() + "）已不再公示（已修复、撤销、更正或期满），不能发布");
            }
        }
        changed(articles.publish(id, version, by, clock.instant(), blankToNull(note), true));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.publish").detail(AuditDetail.of("CONTENT_PUBLISHED_REVIEWED")
                .with("article", id)));
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
     * The published articles (any kind) that report one of the records changed, withdrawn when the record is no
     * longer shown (repaired, revoked, corrected, expired: RULES.md §4, §6 "publication stops"). Runs in the
     * transaction of the record's change, so the record and its article go off the site together; each withdrawal is
     * audited for the office.
     *
     * @return how many articles were withdrawn
     */
    @Transactional
    public int withdrawArticlesReporting(List<RecordStatesChanged.ChangedRecord> changed) {
        if (changed.isEmpty()) {
            return 0;
        }
        Set<UUID> keys = changed.stream().map(RecordStatesChanged.ChangedRecord::recordKey)
                .collect(Collectors.toSet());
        int withdrawn = 0;
        for (Article article : articles.publishedLinkedTo(keys)) {
            for (RecordLink link : articles.links(article.id())) {
                if (!keys.contains(link.recordKey())) {
                    continue;
                }
                Optional<FileEntry> entry = currentEntry(link);
                if (entry.isPresent() && entry.get().status().shown()) {
                    continue;
                }
                String state = entry.map(e -> e.status().label()).orElse("不再公示");
                if (articles.withdraw(article.id(), article.version(), "平台（所报道的记录" + state + "）",
                        clock.instant())) {
                    audit.record(AuditEntry.of(AuditCategory.PROCESSING, "content.withdraw.record")
                            .detail(entry.isEmpty()
                                    ? AuditDetail.of("CONTENT_RECORD_GONE").with("article", article.id())
                                            .with("decision", link.decisionNumber())
                                    : AuditDetail.of("CONTENT_RECORD_NOT_SHOWN").with("article", article.id())
                                            .with("decision", link.decisionNumber())
                                            .withLabel("status", "file.status." + entry.get().status().name())));
                    withdrawn++;
                }
                break;
            }
        }
        return withdrawn;
    }

    /** The record as shown today, from its subject's file. */
    private Optional<FileEntry> currentEntry(RecordLink link) {
        return creditFile.recordAsShown(link.subjectId(), link.recordKey());
    }

    /** The records an article names by decision numbers (one a line, or separated by ；), each one shown now. */
    private List<RecordLink> links(String decisions) {
        if (decisions == null || decisions.isBlank()) {
            return List.of();
        }
        TypedText.requireNoIdentityNumber("decisions", "所报道记录的决定文书号", decisions);
        Set<String> numbers = Arrays.stream(decisions.split("[\\n;；]")).map(String::strip)
                .filter(n -> !n.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (numbers.size() > MAX_LINKS) {
            throw ContentProblem.invalid("CASE_TOO_MANY_RECORDS", "一篇文章最多关联" + MAX_LINKS + "个决定文书号");
        }
        List<RecordLink> links = new ArrayList<>();
        for (String number : numbers) {
            List<SubjectEntry> found = creditFile.shownWithDecisionNumber(number);
            if (found.isEmpty()) {
                throw ContentProblem.invalid("CASE_RECORD_NOT_FOUND", "没有正在公示的记录使用决定文书号「" + number
                        + "」：请核对文书号，或不填写关联记录");
            }
            found.forEach(f -> links.add(new RecordLink(f.entry().recordKey(), f.subjectId(), number)));
        }
        return links;
    }

    /** The detail with the decision numbers of the records the article tells of, if it names any. */
    private static AuditDetail withRecords(AuditDetail detail, List<RecordLink> links) {
        return links == null || links.isEmpty() ? detail : detail.with("records", links.stream()
                .map(RecordLink::decisionNumber).distinct().collect(Collectors.joining(", ")));
    }

    /**
     * A case or an article is published on the public site for anyone to read, and any of them may tell of a person
     * (RULES.md §10: identity numbers only encrypted and masked): none may stand in its title, summary or body; nor,
     * whatever the kind, any other detail that names a person (de-identified disclosure, Shenzhen Art. 38).
     */
    private static void requirePublishable(ArticleText text) {
        TypedText.requireNoIdentityNumber("title", "标题", text.title());
        TypedText.requireNoIdentityNumber("summary", "摘要", text.summary());
        TypedText.requireNoIdentityNumber("body", "正文", text.body());
        PersonalDetails.requireNone("title", "标题", text.title());
        PersonalDetails.requireNone("summary", "摘要", text.summary());
        PersonalDetails.requireNone("body", "正文", text.body());
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
