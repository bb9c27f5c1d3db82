package cn.chengxin.catalog.domain;

/** Whom an item is about. */
public enum SubjectType {
    PERSON("自然人"), ORGANISATION("法人和非法人组织");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
