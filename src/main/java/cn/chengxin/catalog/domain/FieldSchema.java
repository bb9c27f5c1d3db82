package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.shared.calendar.DateText;

/** Checks a record's content fields against its item's schema: required, known, typed, within length. */
public final class FieldSchema {

    private static final Set<String> TRUE = Set.of("true", "是", "1", "y", "yes");
    private static final Set<String> FALSE = Set.of("false", "否", "0", "n", "no");

    private FieldSchema() {
    }

    /** A field of a record that breaks the schema: stable code, field, message in Chinese. */
    public record FieldError(String field, String code, String message) {
    }

    /**
     * The content keyed by the fields' names. A file's column may be titled with a field's label (执行案号 for
     * {@code case_number}), as the fixed columns may with their Chinese titles (证件号码): the catalogue shows a clerk
     * the labels, and a file built from it had each field refused as unknown and, at once, as missing. A label whose
     * field is also sent under its name stays as sent, and the check refuses it as unknown.
     */
    public static Map<String, String> byName(List<FieldDefinition> schema, Map<String, String> sent) {
        Map<String, String> named = null; // made only when a key is a label: most rows name their fields
        for (Map.Entry<String, String> e : sent.entrySet()) {
            for (FieldDefinition field : schema) {
                if (field.label().equals(e.getKey()) && !field.name().equals(e.getKey())
                        && !sent.containsKey(field.name())) {
                    named = named == null ? new HashMap<>(sent) : named;
                    named.remove(e.getKey());
                    named.put(field.name(), e.getValue());
                }
            }
        }
        return named == null ? sent : Map.copyOf(named);
    }

    public static List<FieldError> check(List<FieldDefinition> schema, Map<String, String> values) {
        return check(schema, values, true);
    }

    /**
     * The fields given, checked as {@link #check} does, without asking for the required ones that are not: for a row
     * that names a record already delivered, such as its revocation, and need not repeat it.
     */
    public static List<FieldError> checkGiven(List<FieldDefinition> schema, Map<String, String> values) {
        return check(schema, values, false);
    }

    private static List<FieldError> check(List<FieldDefinition> schema, Map<String, String> values,
                                          boolean requiredAsked) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, FieldDefinition> byName = new HashMap<>();
        schema.forEach(f -> byName.put(f.name(), f));
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                errors.add(new FieldError(name, "FIELD_UNKNOWN", unknown(schema, name)));
            }
        }
        for (FieldDefinition field : schema) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required() && requiredAsked) {
                    errors.add(new FieldError(field.name(), "FIELD_REQUIRED", "必填字段「" + field.label() + "」为空"));
                }
                continue;
            }
            String v = value.strip();
            if (v.length() > field.maxLength()) {
                errors.add(new FieldError(field.name(), "FIELD_TOO_LONG",
                        "字段「" + field.label() + "」超过 " + field.maxLength() + " 个字符"));
                continue;
            }
            if (!typeMatches(field, v)) {
                errors.add(new FieldError(field.name(), "FIELD_TYPE",
                        "字段「" + field.label() + "」应为" + field.type().label()
                                + (field.type() == FieldType.CHOICE ? "：" + String.join("、", field.choices()) : "")));
            }
        }
        return errors;
    }

    /**
     * Why a field is unknown: a label left beside its field's name ({@link #byName}) is that field sent twice; any other
     * is answered with the item's names (the labels are read too), so a clerk who mistyped a column sees the right one.
     */
    private static String unknown(List<FieldDefinition> schema, String name) {
        for (FieldDefinition field : schema) {
            if (field.label().equals(name)) {
                return "「" + name + "」与 " + field.name() + " 是同一字段，请只保留一列";
            }
        }
        return "该事项没有字段「" + name + "」；其字段为 "
                + String.join("、", schema.stream().map(FieldDefinition::name).toList()) + "（或其中文名称）";
    }

    private static boolean typeMatches(FieldDefinition field, String v) {
        return switch (field.type()) {
            case TEXT -> true;
            case INTEGER -> WrittenNumber.integer(v, field.unit()).isPresent();
            case DECIMAL -> WrittenNumber.decimal(v, field.unit()).isPresent();
            case DATE -> parsesAsDate(v);
            case BOOLEAN -> TRUE.contains(v.toLowerCase()) || FALSE.contains(v.toLowerCase());
            case CHOICE -> field.choices().contains(v);
        };
    }

    /** A real day in any of the ways departments' exports write one ({@link DateText}). */
    public static boolean parsesAsDate(String v) {
        return DateText.parse(v).isPresent();
    }
}
