package cn.chengxin.catalog.domain;

import java.util.List;

/**
 * One content field of an item: machine name (lower snake case), label, type, whether required, the
 * longest text accepted and, for {@link FieldType#CHOICE}, the allowed values.
 */
public record FieldDefinition(String name, String label, FieldType type, boolean required, int maxLength,
                              List<String> choices) {

    public FieldDefinition {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (maxLength <= 0) {
            maxLength = type == FieldType.TEXT ? 500 : 64;
        }
    }

    public static FieldDefinition text(String name, String label, boolean required) {
        return new FieldDefinition(name, label, FieldType.TEXT, required, 500, List.of());
    }

    public static FieldDefinition of(String name, String label, FieldType type, boolean required) {
        return new FieldDefinition(name, label, type, required, 0, List.of());
    }

    /** The unit its label names (罚款金额（万元）: 万元), which a number sent for it may carry ({@link WrittenNumber}). */
    public String unit() {
        return WrittenNumber.unitOf(label);
    }
}
