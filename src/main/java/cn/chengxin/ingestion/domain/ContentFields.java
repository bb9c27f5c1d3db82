package cn.chengxin.ingestion.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.FieldType;
import cn.chengxin.shared.calendar.DateText;

/**
 * A record's content fields as the credit file keeps them. Validation accepts a date written the ways Chinese
 * exports write one ({@link DateText}); stored that way, the same day would read, sort and compare differently
 * from one department to the next, so a DATE field is kept as ISO {@code yyyy-MM-dd}, as the decision date is.
 * Every other field is kept as the department sent it.
 */
public final class ContentFields {

    private ContentFields() {
    }

    /** @param sent content that passed the schema's check, so that every DATE value present is a real day */
    public static Map<String, String> stored(List<FieldDefinition> schema, Map<String, String> sent) {
        Map<String, String> stored = null;
        for (FieldDefinition field : schema) {
            String value = field.type() == FieldType.DATE ? sent.get(field.name()) : null;
            if (value == null) {
                continue;
            }
            String day = DateText.parse(value).map(Object::toString).orElse(value);
            if (!day.equals(value)) {
                stored = stored == null ? new HashMap<>(sent) : stored;
                stored.put(field.name(), day);
            }
        }
        return stored == null ? sent : Map.copyOf(stored);
    }
}
