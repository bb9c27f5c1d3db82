package cn.chengxin.ingestion.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.shared.calendar.DateText;

/**
 * A record's content fields as the credit file keeps them: each value in one written form for its type, so that the
 * same fact reads, sorts and compares alike from one department to the next. Validation accepts what departments'
 * exports write (a date as 2026/1/5 or 2026年1月5日, a yes as 是 or 1, spaces around a value); the file keeps a DATE as
 * ISO {@code yyyy-MM-dd} (as the decision date), a BOOLEAN as {@code true}/{@code false}, an INTEGER or DECIMAL as
 * its plain number, every value without the spaces around it, and a blank optional field as absent.
 */
public final class ContentFields {

    private static final Set<String> YES = Set.of("true", "是", "1", "y", "yes");

    private ContentFields() {
    }

    /** @param sent content that passed the schema's check, so that every typed value present parses */
    public static Map<String, String> stored(List<FieldDefinition> schema, Map<String, String> sent) {
        Map<String, FieldDefinition> byName = new HashMap<>();
        schema.forEach(f -> byName.put(f.name(), f));
        Map<String, String> stored = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String> e : sent.entrySet()) {
            FieldDefinition field = byName.get(e.getKey());
            String value = e.getValue() == null ? null : e.getValue().strip();
            if (value == null || value.isEmpty()) {
                changed = true;
                continue;
            }
            String kept = field == null ? value : inOneForm(field, value);
            changed |= !kept.equals(e.getValue());
            stored.put(e.getKey(), kept);
        }
        return changed ? Map.copyOf(stored) : sent;
    }

    private static String inOneForm(FieldDefinition field, String value) {
        try {
            return switch (field.type()) {
                case DATE -> DateText.parse(value).map(Object::toString).orElse(value);
                case BOOLEAN -> Boolean.toString(YES.contains(value.toLowerCase()));
                case INTEGER -> Long.toString(Long.parseLong(value));
                case DECIMAL -> new BigDecimal(value).toPlainString();
                case TEXT, CHOICE -> value;
            };
        } catch (NumberFormatException e) {
            return value; // the schema's check refuses such a value before it is stored
        }
    }
}
