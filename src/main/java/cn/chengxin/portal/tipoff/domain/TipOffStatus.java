package cn.chengxin.portal.tipoff.domain;

import java.util.List;

import cn.chengxin.shared.DomainProblem;

/**
 * Where a tip-off stands, as its reporter sees it with the receipt code: received, then accepted for
 * investigation or rejected (not credit-related, not enough facts), and an accepted one finally resolved.
 */
public enum TipOffStatus {
    RECEIVED("已收到"),
    ACCEPTED("已受理"),
    REJECTED("不予受理"),
    RESOLVED("已办结");

    private final String label;

    TipOffStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to, the usual one first. */
    public List<TipOffStatus> next() {
        return switch (this) {
            case RECEIVED -> List.of(ACCEPTED, REJECTED);
            case ACCEPTED -> List.of(RESOLVED);
            case REJECTED, RESOLVED -> List.of();
        };
    }

    /** @throws TipOffProblem {@code TIPOFF_STATE} when the move is not allowed */
    public TipOffStatus moveTo(TipOffStatus target) {
        if (!next().contains(target)) {
            throw new TipOffProblem("TIPOFF_STATE", DomainProblem.Kind.CONFLICT,
                    "举报当前状态为" + label + "，不能改为" + target.label);
        }
        return target;
    }
}
