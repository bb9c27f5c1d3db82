package cn.chengxin.subject.domain;

/** A credit subject is a natural person (自然人) or an organisation (法人和非法人组织). */
public enum SubjectKind {
    PERSON("自然人"),
    ORGANISATION("法人和非法人组织");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
