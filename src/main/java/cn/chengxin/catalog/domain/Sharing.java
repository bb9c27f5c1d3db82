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

    /**
     * Whether the item's records are published (公示) at all: only a publicly shared item's are. A minor penalty is
     * normally not published (RULES.md §4), which the catalogue says by sharing it with government bodies only, so a
     * publication period shown for such an item would read as if it were.
     */
    public boolean published() {
        return this == PUBLIC;
    }
}
