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

    /** The kind whose label this is (as a catalogue item's choice field carries it); empty for any other text. */
    public static java.util.Optional<ResidencyKind> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
