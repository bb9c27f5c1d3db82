package cn.chengxin.portal.content.domain;

import cn.chengxin.portal.content.domain.ArticleLifecycle.Step;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleLifecycleTests {

    @Test
    void anArticleIsWrittenSubmittedPublishedAndWithdrawn() {
        ArticleStatus status = ArticleStatus.DRAFT;
        status = ArticleLifecycle.next(status, Step.SUBMIT);
        assertThat(status).isEqualTo(ArticleStatus.PENDING);
        status = ArticleLifecycle.next(status, Step.PUBLISH);
        assertThat(status).isEqualTo(ArticleStatus.PUBLISHED);
        status = ArticleLifecycle.next(status, Step.WITHDRAW);
        assertThat(status).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(ArticleLifecycle.next(status, Step.EDIT)).as("revised as a new draft").isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aRejectedSubmissionGoesBackToDraft() {
        assertThat(ArticleLifecycle.next(ArticleStatus.PENDING, Step.REJECT)).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void nothingIsPublishedWithoutBeingSubmittedAndNothingPublishedIsEditedInPlace() {
        assertThatThrownBy(() -> ArticleLifecycle.next(ArticleStatus.DRAFT, Step.PUBLISH))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ARTICLE_STATE");
        assertThatThrownBy(() -> ArticleLifecycle.next(ArticleStatus.PUBLISHED, Step.EDIT))
                .extracting(e -> ((DomainProblem) e).kind()).isEqualTo(DomainProblem.Kind.CONFLICT);
        assertThatThrownBy(() -> ArticleLifecycle.next(ArticleStatus.PENDING, Step.SUBMIT))
                .isInstanceOf(ContentProblem.class);
        assertThatThrownBy(() -> ArticleLifecycle.next(ArticleStatus.WITHDRAWN, Step.PUBLISH))
                .isInstanceOf(ContentProblem.class);
    }

    @Test
    void theAuthorTheLastEditorAndTheSubmitterCannotPublish() {
        assertThatThrownBy(() -> ArticleLifecycle.requireOtherReviewer("wang", "wang", "wang", "li"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("FOUR_EYES");
        assertThatThrownBy(() -> ArticleLifecycle.requireOtherReviewer("li", "wang", "wang", "li"))
                .extracting(e -> ((DomainProblem) e).kind()).isEqualTo(DomainProblem.Kind.FORBIDDEN);
        assertThatThrownBy(() -> ArticleLifecycle.requireOtherReviewer("zhao", "wang", "zhao", "wang"))
                .as("the last editor's words are their own").extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("FOUR_EYES");
        ArticleLifecycle.requireOtherReviewer("zhao", "wang", "wang", "li");
    }

    @Test
    void theTextIsTrimmedAndSplitIntoParagraphsAtBlankLines() {
        ArticleText text = new ArticleText(ArticleKind.CASE, "  标题 ", null, "第一段\r\n第一段续行\r\n\r\n  \n第二段 <b>不是标记</b>\n");
        assertThat(text.title()).isEqualTo("标题");
        assertThat(text.summary()).isEmpty();
        assertThat(ArticleText.paragraphs(text.body()))
                .containsExactly("第一段\n第一段续行", "第二段 <b>不是标记</b>");
        assertThat(ArticleText.paragraphs("  ")).isEmpty();
    }

    @Test
    void anArticleNeedsATitleOnOneLineAndABody() {
        assertThatThrownBy(() -> new ArticleText(ArticleKind.POLICY, " ", "", "正文"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ARTICLE_TITLE_MISSING");
        assertThatThrownBy(() -> new ArticleText(ArticleKind.POLICY, "一行\n两行", "", "正文"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ARTICLE_TITLE_TOO_LONG");
        assertThatThrownBy(() -> new ArticleText(ArticleKind.KNOWLEDGE, "标题", "", "\n\n"))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ARTICLE_BODY_MISSING");
    }
}
