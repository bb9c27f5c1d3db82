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

    /**
     * RULES.md §7: 守信激励 is not for those under 失信惩戒. An entry on the black list, or on the grey list (重点关注,
     * whose management measures are 失信惩戒 too), withholds every incentive while it is in force — a joint-measures
     * incentive and a 信用惠民 benefit alike, whatever red entry or grade the subject also has, whichever platform
     * issued the entry. The one reading both the checks and the benefits apply.
     */
    public boolean withholdsIncentives() {
        return this == BLACK || this == GREY;
    }
}
