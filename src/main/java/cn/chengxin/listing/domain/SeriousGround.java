package cn.chengxin.listing.domain;

/**
 * The only grounds on which a subject may be put on the serious-dishonesty list (严重失信主体名单), RULES.md §7:
 * 《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）strictly limits the list to
 * these four kinds of conduct, each listing also needing its own legal basis. A black-list rule version and a
 * department's black-list proposal name one; the prior notice and the entry page quote it.
 */
public enum SeriousGround {

    HEALTH_AND_LIFE("严重危害人民群众身体健康和生命安全"),
    FAIR_COMPETITION_AND_SOCIAL_ORDER("严重破坏市场公平竞争秩序和社会正常秩序"),
    LEGAL_OBLIGATIONS_REFUSED("拒不履行法定义务，严重影响司法机关、行政机关公信力"),
    NATIONAL_DEFENCE_OBLIGATIONS_REFUSED("拒不履行国防义务");

    private final String label;

    SeriousGround(String label) {
        this.label = label;
    }

    /** The ground in the words of 国办发〔2020〕49号, as the notices (kept in Chinese) quote it. */
    public String label() {
        return label;
    }
}
