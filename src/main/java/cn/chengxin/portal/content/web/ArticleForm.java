package cn.chengxin.portal.content.web;

import cn.chengxin.portal.Article;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleText;

/** The console's article form, as posted. */
public class ArticleForm {

    private ArticleKind kind = ArticleKind.CASE;
    private String title = "";
    private String summary = "";
    private String body = "";
    private int version;
    /** A case's records, by their decision document numbers, one a line. */
    private String decisions = "";

    static ArticleForm of(Article article) {
        ArticleForm form = new ArticleForm();
        form.kind = article.kind();
        form.title = article.title();
        form.summary = article.summary();
        form.body = article.body();
        form.version = article.version();
        return form;
    }

    /** @throws cn.chengxin.portal.content.domain.ContentProblem when the text cannot be saved */
    ArticleText toText() {
        return new ArticleText(kind == null ? ArticleKind.CASE : kind, title, summary, body);
    }

    public ArticleKind getKind() {
        return kind;
    }

    public void setKind(ArticleKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getDecisions() {
        return decisions;
    }

    public void setDecisions(String decisions) {
        this.decisions = decisions == null ? "" : decisions;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
