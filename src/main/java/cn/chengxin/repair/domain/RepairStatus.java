package cn.chengxin.repair.domain;

/**
 * Where a repair application stands. Approval takes two people (maker-checker): one reviewer proposes it, another
 * approves; either may refuse, with reasons the applicant reads. An open application also ends without a decision:
 * {@code ENDED} when its record left display or was replaced meanwhile (G8: nothing is left to repair, see
 * {@link RepairEnd}), {@code WITHDRAWN} when the applicant withdrew it.
 */
public enum RepairStatus {
    APPLIED("待审查"), PROPOSED("初审同意，待复核"), APPROVED("已修复"), REFUSED("不予修复"),
    ENDED("已终结"), WITHDRAWN("已撤回");

    private final String label;

    RepairStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether it was decided on its merits (approved or refused), as the supervision figures count it. */
    public boolean decided() {
        return this == APPROVED || this == REFUSED;
    }

    public boolean open() {
        return this == APPLIED || this == PROPOSED;
    }
}
