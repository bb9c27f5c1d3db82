package cn.chengxin.catalog.domain;

/** Who may see an item's records (RULES.md §2): the public, government bodies only, or by authorised query. */
public enum Sharing {
    PUBLIC("公开公示"), GOVERNMENT("政务共享"), AUTHORISED_QUERY("授权查询");

    private final String label;

    Sharing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
