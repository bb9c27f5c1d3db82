package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of an event, the leaf data of the Merkle tree. One field per line in a fixed order,
 * with backslash, newline and carriage return escaped, so that no field can imitate another and the same
 * event always gives the same bytes; the sequence number is inside, so moving a row changes its leaf.
 */
public final class EventLeaf {

    private static final String VERSION = "chengxin-audit-event/v1";

    private EventLeaf() {
    }

    public static byte[] encode(EventRecord e) {
        StringBuilder out = new StringBuilder(256).append(VERSION).append('\n');
        field(out, Long.toString(e.seq()));
        field(out, e.at().getEpochSecond() + "." + micros(e.at().getNano() / 1000));
        field(out, e.category().name());
        field(out, e.actorKind());
        field(out, e.actorId());
        field(out, e.actorName());
        field(out, e.organisation());
        field(out, e.action());
        field(out, e.subjectPseudonym());
        field(out, e.purpose());
        field(out, e.legalBasis());
        field(out, e.consentId());
        field(out, e.result().name());
        field(out, e.requestId());
        field(out, e.detail());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Six digits, zero-padded: as {@code String.format("%06d")} wrote them, without a formatter per event. */
    private static String micros(int micros) {
        String digits = Integer.toString(micros);
        return "000000".substring(digits.length()) + digits;
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\0\n"); // distinct from the empty string
            return;
        }
        if (plain(value)) {
            out.append(value).append('\n');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\n');
    }

    /** Nothing to escape (the common case): the field is copied as it is. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
