package cn.chengxin.ingestion.parsing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one JSON Lines record into the same flat {@code column → text} shape as a CSV row, so that the
 * validators do not care about the format. A record is one JSON object whose values are strings, numbers,
 * booleans or null; the only nesting allowed is one object under {@code "fields"}, flattened as
 * {@code fields.<name>} (systems put the catalogue item's own fields there). Numbers are read as exact
 * decimals and written by {@link NumberText}, so {@code 411702199001011238} stays those digits. Duplicate keys,
 * trailing content and any other nesting are JSON_MALFORMED: guessing which value was meant is not our job.
 */
final class JsonLineParser {

    static final String NESTED = "fields";

    /** Private to this class: the application's mapper is tuned for the API, not for strict ingestion. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonLineParser() {
    }

    static Map<String, String> parse(String text, long line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw malformed(line);
        }
        if (node == null || !node.isObject()) {
            throw malformed(line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (NESTED.equals(property.getKey()) && property.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> field : property.getValue().properties()) {
                    put(values, NESTED + "." + field.getKey(), field.getValue(), line);
                }
            } else {
                put(values, property.getKey(), property.getValue(), line);
            }
        }
        return values;
    }

    private static void put(Map<String, String> values, String rawKey, JsonNode value, long line) {
        String key = HeaderRow.strip(rawKey);
        if (key == null || values.containsKey(key)) {
            throw malformed(line);
        }
        String text = HeaderRow.strip(text(value, line));
        if (text != null) {
            values.put(key, text);
        }
    }

    private static String text(JsonNode value, long line) {
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            return NumberText.of(value.decimalValue());
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        throw malformed(line);
    }

    private static FileProblem malformed(long line) {
        return new FileProblem(FileProblemCode.JSON_MALFORMED, line);
    }
}
