package cn.chengxin.subject.domain;

public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return this == MALE ? "M" : "F";
    }

    public static Gender ofCode(String code) {
        return "M".equals(code) ? MALE : FEMALE;
    }
}
