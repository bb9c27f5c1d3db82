package cn.chengxin.audit.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.context.MessageSource;

/**
 * The audited actions by name, for the auditor (K7): an action is named by {@code audit.action.<action>}, else by the
 * label the citizen's access history uses, {@code access.action.<action>}, else by its code (an action no one labelled,
 * which AuditActionLabelsTests prevents). The actions offered for filtering are those labelled, grouped by their first
 * part (the module or area recording them).
 */
final class ActionNames {

    private static final String[] PREFIXES = {"audit.action.", "access.action."};
    private static final Map<String, List<String>> BY_GROUP = groups();

    private ActionNames() {
    }

    /** The labelled actions, by group ({@code console.audit.group.<group>}), each group's sorted by code. */
    static Map<String, List<String>> byGroup() {
        return BY_GROUP;
    }

    static String name(MessageSource messages, String action, Locale locale) {
        for (String prefix : PREFIXES) {
            String label = messages.getMessage(prefix + action, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return action;
    }

    private static Map<String, List<String>> groups() {
        Properties bundle = new Properties();
        try (Reader in = new InputStreamReader(ActionNames.class.getResourceAsStream("/messages.properties"),
                StandardCharsets.UTF_8)) {
            bundle.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        for (String key : bundle.stringPropertyNames()) {
            for (String prefix : PREFIXES) {
                String action = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
                if (action != null && action.contains(".")) { // access.action.other names no action
                    groups.computeIfAbsent(action.substring(0, action.indexOf('.')), g -> new TreeSet<>()).add(action);
                }
            }
        }
        Map<String, List<String>> listed = new TreeMap<>();
        groups.forEach((group, actions) -> listed.put(group, List.copyOf(actions)));
        return Collections.unmodifiableMap(listed);
    }
}
