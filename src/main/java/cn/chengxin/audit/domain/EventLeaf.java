package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical bytes of an event, the leaf data of the Merkle tree. One field per line in a fixed order,
 * with backslash, newline and carriage return escaped, so that no field can imitate another and the same
 * event always gives the same bytes; the sequence number is inside, so moving a row changes its leaf.
 *
 * <p>The bytes are those of the text above in UTF-8, as {@code String.getBytes(UTF_8)} gives them (an unpaired
 * surrogate as {@code ?}), written straight into a byte array: the audit writer encodes every event, and building a
 * {@code String} first and then its bytes cost it two copies of each event (session xl). Every stored leaf hash
 * depends on these bytes ({@code EventLeafTests} pins them against the text encoding).
 */
public final class EventLeaf {

    private static final byte[] VERSION = "chengxin-audit-event/v1\n".getBytes(StandardCharsets.US_ASCII);
    /** A null field: distinct from the empty string. */
    private static final byte[] NULL = {'\\', '0', '\n'};

    private byte[] out = new byte[512];
    private int size;

    private EventLeaf() {
    }

    public static byte[] encode(EventRecord e) {
        EventLeaf leaf = new EventLeaf();
        leaf.bytes(VERSION);
        leaf.decimal(e.seq());
        leaf.newline();
        leaf.decimal(e.at().getEpochSecond());
        leaf.micros(e.at().getNano() / 1000);
        leaf.newline();
        leaf.field(e.category().name());
        leaf.field(e.actorKind());
        leaf.field(e.actorId());
        leaf.field(e.actorName());
        leaf.field(e.organisation());
        leaf.field(e.action());
        leaf.field(e.subjectPseudonym());
        leaf.field(e.purpose());
        leaf.field(e.legalBasis());
        leaf.field(e.consentId());
        leaf.field(e.result().name());
        leaf.field(e.requestId());
        leaf.field(e.detail());
        return Arrays.copyOf(leaf.out, leaf.size);
    }

    /** As {@code Long.toString}: digits are ASCII, so its characters are its bytes. */
    private void decimal(long value) {
        String digits = Long.toString(value);
        room(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out[size++] = (byte) digits.charAt(i);
        }
    }

    /** A point and six digits, zero-padded: as {@code String.format(".%06d")} wrote them. */
    private void micros(int micros) {
        room(7);
        out[size++] = '.';
        int divisor = 100_000;
        for (int d = 0; d < 6; d++) {
            out[size++] = (byte) ('0' + micros / divisor % 10);
            divisor /= 10;
        }
    }

    private void newline() {
        room(1);
        out[size++] = '\n';
    }

    private void bytes(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    /** The field escaped, in UTF-8, and its line break. */
    private void field(String value) {
        if (value == null) {
            bytes(NULL);
            return;
        }
        int length = value.length();
        room(length * 3 + 1); // at most three bytes a char: an escape is two, a surrogate pair four for two chars
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escaped('\\');
                    case '\n' -> escaped('n');
                    case '\r' -> escaped('r');
                    default -> out[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                three(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[size++] = (byte) (0xF0 | cp >> 18);
                out[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[size++] = '?'; // an unpaired surrogate, replaced as the UTF-8 encoder of String does
            }
        }
        out[size++] = '\n';
    }

    private void escaped(char c) {
        out[size++] = '\\';
        out[size++] = (byte) c;
    }

    private void three(char c) {
        out[size++] = (byte) (0xE0 | c >> 12);
        out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[size++] = (byte) (0x80 | c & 0x3F);
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
