package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of a record's {@code fields} under one version of an item (gaps review xxxvii-api
 * R4): an object of the item's fields by name, no other, the required ones required. Every value is a string, as the
 * submissions API takes them; its type narrows it: a DATE is an ISO date ({@code format: date}), an INTEGER or DECIMAL
 * a plain number in the unit its label names, a CHOICE or BOOLEAN one of its values, a TEXT at most its length.
 * {@code x-chengxin-type} names the catalogue's type. The platform accepts more ways of writing a date or a number
 * ({@link FieldSchema}); the schema states the one a system should send.
 */
public final class FieldsJsonSchema {

    /** The boolean values a system should send (FieldSchema accepts 是/否, 1/0 and yes/no too). */
    static final List<String> BOOLEANS = List.of("true", "false");

    private FieldsJsonSchema() {
    }

    public static Map<String, Object> of(ItemDefinition item, int version, String id) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("title", item.code() + " v" + version + " fields");
        schema.put("description", item.name());
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldDefinition f : item.fields()) {
            properties.put(f.name(), property(f));
            if (f.required()) {
                required.add(f.name());
            }
        }
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> property(FieldDefinition f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "string");
        p.put("title", f.label());
        p.put("x-chengxin-type", f.type().name());
        switch (f.type()) {
            case TEXT -> p.put("maxLength", f.maxLength());
            case DATE -> {
                p.put("format", "date");
                p.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
            }
            case INTEGER -> p.put("pattern", "^-?\\d+$");
            case DECIMAL -> p.put("pattern", "^-?\\d+(\\.\\d+)?$");
            case BOOLEAN -> p.put("enum", BOOLEANS);
            case CHOICE -> p.put("enum", f.choices());
        }
        if (f.required()) {
            p.put("minLength", 1);
        }
        return p;
    }
}
