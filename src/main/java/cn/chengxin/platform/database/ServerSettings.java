package cn.chengxin.platform.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings the embedded PostgreSQL starts with beyond its own, for measurements only
 * ({@code CHENGXIN_EMBEDDED_DB_SETTINGS}, e.g. {@code logging_collector=on;log_directory=/tmp/pg-log;
 * auto_explain.log_min_duration=100ms}: the plans the application's statements get, in a log the server writes
 * itself, since its output after start is not captured). Entries {@code name=value} separated by {@code ;}.
 */
final class ServerSettings {

    private ServerSettings() {
    }

    /** The settings in the order given; a blank text gives none. */
    static Map<String, String> parse(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("an embedded server setting is name=value, not: " + entry.strip());
            }
            settings.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return settings;
    }
}
