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

    /** The role by its code (LEGAL_REPRESENTATIVE) or its Chinese label (法定代表人), as a department sends it. */
    public static java.util.Optional<ResponsibleRole> named(String text) {
        String stated = text == null ? "" : text.strip();
        for (ResponsibleRole role : values()) {
            if (role.name().equalsIgnoreCase(stated) || role.label.equals(stated)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
