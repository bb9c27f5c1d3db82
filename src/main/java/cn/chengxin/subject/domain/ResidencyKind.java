package cn.chengxin.subject.domain;

/** 户籍 household registration, or 常住 habitual residence without it (non-household residents). */
public enum ResidencyKind {
    HOUSEHOLD("户籍"),
    HABITUAL("常住");

    private final String label;

    ResidencyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
