package cn.chengxin.shared.web;

import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Control characters other than a tab or a line break, in what a client sends. PostgreSQL refuses a NUL in any text
 * (SQLSTATE 22021), and no name, reason or account of facts holds one: a request carrying one is refused before it
 * does anything (issue #2), unless its handler refuses them itself, value by value ({@link CheckedOneByOne}).
 */
public final class ControlCharacters {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control character other than a tab, CR or LF. */
    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * Where in a JSON body a string or a key holds one ({@code records[2].subjectName}); empty when none does, or when
     * the body is no JSON (its reader refuses it as before). JSON carries a control character only escaped
     * (a backslash, u and four hex digits), so a body without such an escape of U+0000–U+009F is not parsed twice.
     */
    public static Optional<String> inJson(byte[] body) {
        if (body == null || !mayEscapeOne(body)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(find(TREES.readTree(body), ""));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }

    /** Scans the bytes, decoding nothing: the check API's lean lane asks this of every body. */
    private static boolean mayEscapeOne(byte[] body) {
        for (int i = 0; i + 3 < body.length; i++) {
            if (body[i] == '\\' && (body[i + 1] | 0x20) == 'u' && body[i + 2] == '0' && body[i + 3] == '0') {
                return true;
            }
        }
        return false;
    }

    private static String find(JsonNode node, String path) {
        if (node.isString()) {
            return in(node.stringValue()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                if (in(property.getKey())) {
                    return path.isEmpty() ? "（字段名）" : path + ".（字段名）";
                }
                String found = find(property.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * On a handler whose body may hold control characters because it refuses them itself, one value at a time (a
     * submission batch: a row holding one is that row's error, the others are stored).
     */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    public @interface CheckedOneByOne {
    }
}
