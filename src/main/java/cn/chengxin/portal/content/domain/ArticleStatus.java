package cn.chengxin.portal.content.domain;

/** Where an article stands; {@link ArticleLifecycle} says which moves are allowed. */
public enum ArticleStatus {
    DRAFT("草稿"),
    PENDING("待审核"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤下");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
