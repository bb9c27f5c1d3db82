package cn.chengxin.portal.content.domain;

/** What an article is, as the public site's 典型案例 section files it. */
public enum ArticleKind {
    CASE("典型案例"),
    POLICY("政策法规"),
    KNOWLEDGE("信用知识");

    private final String label;

    ArticleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
