package cn.chengxin.ingestion.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.WrittenNumber;
import cn.chengxin.shared.calendar.DateText;

/**
 * A record's content fields as the credit file keeps them: each value in one written form for its type, so that the
 * same fact reads, sorts and compares alike from one department to the next. Validation accepts what departments'
 * exports write (a date as 2026/1/5 or 2026年1月5日, an amount as 1,500.00元, a yes as 是 or 1, spaces around a
 * value); the file keeps a DATE as ISO {@code yyyy-MM-dd} (as the decision date), a BOOLEAN as {@code true}/{@code
 * false}, an INTEGER or DECIMAL as its plain number without separators or unit, every value without the spaces around
 * it, and a blank optional field as absent.
 */
public final class ContentFields {

    private static final Set<String> YES = Set.of("true", "是", "1", "y", "yes");

    private ContentFields() {
    }

    /** @param sent content that passed the schema's check, so that every typed value present parses */
    public static Map<String, String> stored(List<FieldDefinition> schema, Map<String, String> sent) {
        Map<String, String> stored = null; // made only when a value changes: most rows arrive in their form
        for (Map.Entry<String, String> e : sent.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String kept = value.isEmpty() ? null : inOneForm(fieldNamed(schema, e.getKey()), value);
            if (kept == null || !kept.equals(e.getValue())) {
                stored = stored == null ? new HashMap<>(sent) : stored;
                if (kept == null) {
                    stored.remove(e.getKey());
                } else {
                    stored.put(e.getKey(), kept);
                }
            }
        }
        return stored == null ? sent : Map.copyOf(stored);
    }

    /** A schema has a handful of fields: a look along it costs less than a map made for every row. */
    private static FieldDefinition fieldNamed(List<FieldDefinition> schema, String name) {
        for (FieldDefinition field : schema) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    private static String inOneForm(FieldDefinition field, String value) {
        if (field == null) {
            return value;
        }
        // orElse: the schema's check refuses a value that does not parse before it is stored
        return switch (field.type()) {
            case DATE -> DateText.parse(value).map(Object::toString).orElse(value);
            case BOOLEAN -> Boolean.toString(YES.contains(value.toLowerCase()));
            case INTEGER -> WrittenNumber.integer(value, field.unit()).map(Object::toString).orElse(value);
            case DECIMAL -> WrittenNumber.decimal(value, field.unit()).map(BigDecimal::toPlainString).orElse(value);
            case TEXT, CHOICE -> value;
        };
    }
}
