package cn.chengxin.listing;

/** The three lists of RULES.md §7. */
public enum ListType {
    RED("红名单", "守信激励"),
    GREY("重点关注名单", "审慎监管，不减损权益"),
    BLACK("严重失信主体名单", "失信惩戒");

    private final String label;
    private final String purpose;

    ListType(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    public String label() {
        return label;
    }

    public String purpose() {
        return purpose;
    }
}
