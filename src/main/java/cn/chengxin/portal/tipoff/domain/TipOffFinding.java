package cn.chengxin.portal.tipoff.domain;

/**
 * What the credit office found a tip-off about a red-list candidate in public notice to be, when it resolves it
 * (RULES.md §7; 《河南省社会信用条例》第二十八条: the public notice invites objections, and the public page promises
 * "经信用办核实属实的，不予列入"): true, and the candidacy is withdrawn; not true, and the entry takes effect.
 */
public enum TipOffFinding {
    FOUNDED("属实"),
    UNFOUNDED("不属实");

    private final String label;

    TipOffFinding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * What is wrong with deciding a tip-off so, if anything: a finding is given only when the tip-off is resolved, and
     * must be when it is about a red-list candidate in public notice, whose listing waits for it.
     */
    public static java.util.Optional<String> problem(TipOffStatus target, TipOffFinding finding,
                                                     boolean aboutRedCandidate) {
        if (finding != null && target != TipOffStatus.RESOLVED) {
            return java.util.Optional.of("核实结论只在办结时填写");
        }
        if (finding == null && target == TipOffStatus.RESOLVED && aboutRedCandidate) {
            return java.util.Optional.of("被举报人正在红名单公示中：办结时须选择核实结论（属实的，不予列入红名单）");
        }
        return java.util.Optional.empty();
    }
}
