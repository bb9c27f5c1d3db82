package cn.chengxin.repair.domain;

/**
 * Where a repair application stands. Approval takes two people (maker-checker): one reviewer proposes it, another
 * approves; either may refuse, with reasons the applicant reads.
 */
public enum RepairStatus {
    APPLIED("待审查"), PROPOSED("初审同意，待复核"), APPROVED("已修复"), REFUSED("不予修复");

    private final String label;

    RepairStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == APPLIED || this == PROPOSED;
    }
}
