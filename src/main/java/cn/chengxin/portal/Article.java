package cn.chengxin.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.content.domain.ArticleText;

/**
 * A typical case or article as stored, with who wrote, submitted, reviewed and withdrew it.
 *
 * @param confidentialityReviewed the reviewer who published the case confirmed its 保密审查 (RULES.md §10)
 */
public record Article(UUID id, ArticleKind kind, ArticleStatus status, int version, String title, String summary,
                      String body, String createdBy, Instant createdAt, String editedBy, Instant editedAt,
                      String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
                      String reviewNote, Instant publishedAt, String withdrawnBy, Instant withdrawnAt,
                      boolean confidentialityReviewed) {

    /** The body as the page shows it: one string per paragraph, never markup. */
    public List<String> paragraphs() {
        return ArticleText.paragraphs(body);
    }
}
