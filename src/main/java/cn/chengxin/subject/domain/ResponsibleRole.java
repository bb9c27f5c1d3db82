package cn.chengxin.subject.domain;

/** The persons on whom an organisation's dishonesty is also recorded (Zhumadian plan 三(二)). */
public enum ResponsibleRole {
    LEGAL_REPRESENTATIVE("法定代表人"),
    PRINCIPAL("主要负责人"),
    DIRECTLY_RESPONSIBLE("直接责任人");

    private final String label;

    ResponsibleRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
