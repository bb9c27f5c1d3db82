package cn.chengxin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An event's detail in a language-neutral form (K7): a reason code and named values, which the auditor's log names
 * in the reader's language through {@code audit.detail.<CODE>} (the values in the order given are its {@code {0}},
 * {@code {1}}, …), where the modules used to write their own, often English, text. Stored as text, like any detail,
 * so that the event is hashed as it is stored: {@code reason=CODE; name=value; …} ({@code \} escapes a {@code ;} or
 * a {@code \} in a value). A value given by {@link #withLabel} is itself a message key ({@code #key}), named in the
 * reader's language too. Values are ids, codes, counts, masked numbers or names, never an identity number (the
 * detail is masked as any other, {@link AuditEntry}).
 */
public final class AuditDetail {

    private static final String REASON = "reason=";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    private final String code;
    private final List<String> names;
    private final List<Value> values;

    /** One value: shown as it is, or ({@code label}) a message key shown by its text. */
    public record Value(String text, boolean label) {
    }

    private AuditDetail(String code, List<String> names, List<Value> values) {
        this.code = code;
        this.names = names;
        this.values = values;
    }

    /** A detail saying why, by its code ({@code NO_CODE_SENT}: {@code audit.detail.NO_CODE_SENT}). */
    public static AuditDetail of(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a detail code: " + code);
        }
        return new AuditDetail(code, List.of(), List.of());
    }

    /** This detail with one more value, shown as it is ({@code null}: empty). */
    public AuditDetail with(String name, Object value) {
        return plus(name, new Value(value == null ? "" : value.toString(), false));
    }

    /** This detail with one more value that is a message key, shown by its text in the reader's language. */
    public AuditDetail withLabel(String name, String messageKey) {
        return plus(name, new Value(messageKey, true));
    }

    private AuditDetail plus(String name, Value value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a value name: " + name);
        }
        List<String> n = new ArrayList<>(names);
        List<Value> v = new ArrayList<>(values);
        n.add(name);
        v.add(value);
        return new AuditDetail(code, List.copyOf(n), List.copyOf(v));
    }

    public String code() {
        return code;
    }

    /** The plain value of that name, if the detail has one (a label's key is not a value read back). */
    public Optional<String> value(String name) {
        int at = names.indexOf(name);
        return at < 0 || values.get(at).label() ? Optional.empty() : Optional.of(values.get(at).text());
    }

    /** The values, in the order given. */
    public List<Value> values() {
        return values;
    }

    /** The text stored as the event's detail. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(REASON).append(code);
        for (int i = 0; i < names.size(); i++) {
            text.append("; ").append(names.get(i)).append('=').append(stored(values.get(i)));
        }
        return text.toString();
    }

    /** The structured detail a stored text holds, or empty for free text (events written before K7, or typed). */
    public static Optional<AuditDetail> parse(String stored) {
        if (stored == null || !stored.startsWith(REASON)) {
            return Optional.empty();
        }
        List<String> parts = split(stored.substring(REASON.length()));
        if (!CODE.matcher(parts.get(0)).matches()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            if (eq < 1 || !NAME.matcher(part.substring(0, eq)).matches()) {
                return Optional.empty();
            }
            String value = part.substring(eq + 1);
            names.add(part.substring(0, eq));
            values.add(value.startsWith("#") ? new Value(value.substring(1), true) : new Value(unescaped(value), false));
        }
        return Optional.of(new AuditDetail(parts.get(0), List.copyOf(names), List.copyOf(values)));
    }

    /** Splits at each {@code "; "} whose {@code ;} is not escaped, keeping the escapes in the parts. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ';' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                parts.add(text.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** A label as {@code #key}; a plain value escaped before each semicolon, backslash and a leading {@code #}. */
    private static String stored(Value value) {
        if (value.label()) {
            return "#" + value.text();
        }
        StringBuilder out = new StringBuilder(value.text().length());
        for (int i = 0; i < value.text().length(); i++) {
            char c = value.text().charAt(i);
            if (c == ';' || c == '\\' || (c == '#' && i == 0)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String unescaped(String stored) {
        StringBuilder out = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            out.append(c == '\\' && i + 1 < stored.length() ? stored.charAt(++i) : c);
        }
        return out.toString();
    }
}
