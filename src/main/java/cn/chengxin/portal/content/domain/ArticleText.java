package cn.chengxin.portal.content.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The words of an article: a title, a summary and a body of plain text. Nothing is ever interpreted as
 * markup: paragraphs are separated by blank lines and every character is shown as written (escaped).
 */
public record ArticleText(ArticleKind kind, String title, String summary, String body) {

    public static final int TITLE_MAX = 120;
    public static final int SUMMARY_MAX = 500;
    public static final int BODY_MAX = 50_000;

    /** Trimmed text, line ends normalised; refuses what cannot be published. */
    public ArticleText {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title.strip();
        summary = summary == null ? "" : summary.strip();
        body = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (title.isEmpty()) {
            throw ContentProblem.invalid("ARTICLE_TITLE_MISSING", "请填写标题");
        }
        if (title.length() > TITLE_MAX || title.contains("\n")) {
            throw ContentProblem.invalid("ARTICLE_TITLE_TOO_LONG", "标题应为一行，不超过" + TITLE_MAX + "个字");
        }
        if (summary.length() > SUMMARY_MAX) {
            throw ContentProblem.invalid("ARTICLE_SUMMARY_TOO_LONG", "摘要不超过" + SUMMARY_MAX + "个字");
        }
        if (body.isEmpty()) {
            throw ContentProblem.invalid("ARTICLE_BODY_MISSING", "请填写正文");
        }
        if (body.length() > BODY_MAX) {
            throw ContentProblem.invalid("ARTICLE_BODY_TOO_LONG", "正文不超过" + BODY_MAX + "个字");
        }
    }

    /** The body's paragraphs: text between blank lines, each trimmed; single line breaks stay inside. */
    public static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.replace("\r\n", "\n").split("\n\\s*\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }
}
