package cn.chengxin.portal.content.domain;

import java.util.Set;

import cn.chengxin.shared.DomainProblem;

/**
 * The life of a typical case or article: written as a draft, submitted, published by a second person of
 * the credit office (maker-checker, RULES.md §10 "操作过程留痕可查"), withdrawn when it should no longer be
 * shown. A rejected submission goes back to draft with the reviewer's note; a withdrawn article is revised
 * as a draft and reviewed again. Nothing is published without a review by someone who neither wrote, last
 * edited nor submitted it.
 */
public final class ArticleLifecycle {

    /** A step in the life of an article, from the states where it is allowed to the state it leads to. */
    public enum Step {
        EDIT(Set.of(ArticleStatus.DRAFT, ArticleStatus.WITHDRAWN), ArticleStatus.DRAFT),
        SUBMIT(Set.of(ArticleStatus.DRAFT), ArticleStatus.PENDING),
        PUBLISH(Set.of(ArticleStatus.PENDING), ArticleStatus.PUBLISHED),
        REJECT(Set.of(ArticleStatus.PENDING), ArticleStatus.DRAFT),
        WITHDRAW(Set.of(ArticleStatus.PUBLISHED), ArticleStatus.WITHDRAWN);

        private final Set<ArticleStatus> from;
        private final ArticleStatus to;

        Step(Set<ArticleStatus> from, ArticleStatus to) {
            this.from = from;
            this.to = to;
        }

        public boolean allowedFrom(ArticleStatus status) {
            return from.contains(status);
        }
    }

    private ArticleLifecycle() {
    }

    /** The state after {@code step}, or {@code ARTICLE_STATE} when the step is not allowed now. */
    public static ArticleStatus next(ArticleStatus current, Step step) {
        if (!step.allowedFrom(current)) {
            throw new ContentProblem("ARTICLE_STATE", DomainProblem.Kind.CONFLICT,
                    "文章当前状态为" + current.label() + "，不能执行该操作");
        }
        return step.to;
    }

    /**
     * Maker-checker: the reviewer is neither the author, nor the last to edit the text (else whoever rewrote a
     * colleague's draft could publish their own words once the author submitted it), nor its submitter.
     */
    public static void requireOtherReviewer(String reviewer, String author, String lastEditor, String submitter) {
        if (reviewer.equals(author) || reviewer.equals(lastEditor) || reviewer.equals(submitter)) {
            throw new ContentProblem("FOUR_EYES", DomainProblem.Kind.FORBIDDEN,
                    "不能审核发布自己撰写、修改或提交的文章（双人复核）");
        }
    }
}
