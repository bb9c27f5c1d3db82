package cn.chengxin.measures.web;

import java.nio.charset.StandardCharsets;

import cn.chengxin.measures.Scenario;

/**
 * Reads the plain body of an ordinary check — one JSON object whose members are among {@code subjectNumber},
 * {@code documentType}, {@code scenario}, {@code purpose} and {@code reference}, each once, each a string or
 * {@code null} — as the application's JSON mapper would, without its per-call machinery (the check API's lean lane
 * reads thousands a second). A string's escapes are read as the mapper reads them, a backslash, u and four hex digits
 * too (clients, and the benchmark, send Chinese so). Anything else — an escape in a member's name, an escape JSON
 * does not have, an escaped surrogate without its other half, a number, another member, a member twice, a scenario
 * that is no name, bytes that are no UTF-8 — is not read here ({@code null}), and the caller reads it with the
 * mapper as before, which reads or refuses it: what this reader answers, the mapper answers the same.
 */
final class PlainCheckRequest {

    private PlainCheckRequest() {
    }

    /** The request, or {@code null} when the body is not of the plain form this reader takes. */
    static ChecksApi.CheckRequest read(byte[] body) {
        String[] values = new String[FIELDS.length];
        boolean[] seen = new boolean[FIELDS.length];
        int i = skipSpace(body, 0);
        if (i >= body.length || body[i] != '{') {
            return null;
        }
        i = skipSpace(body, i + 1);
        if (i < body.length && body[i] == '}') {
            i++;
        } else {
            while (true) {
                int keyEnd = stringEnd(body, i, false);
                if (keyEnd < 0) {
                    return null;
                }
                int field = field(body, i + 1, keyEnd);
                if (field < 0 || seen[field]) {
                    return null;
                }
                seen[field] = true;
                i = skipSpace(body, keyEnd + 1);
                if (i >= body.length || body[i] != ':') {
                    return null;
                }
                i = skipSpace(body, i + 1);
                if (startsWith(body, i, NULL)) {
                    i += NULL.length;
                } else {
                    int valueEnd = stringEnd(body, i, true);
                    if (valueEnd < 0) {
                        return null;
                    }
                    values[field] = text(body, i + 1, valueEnd);
                    if (values[field] == null) {
                        return null;
                    }
                    i = valueEnd + 1;
                }
                i = skipSpace(body, i);
                if (i < body.length && body[i] == ',') {
                    i = skipSpace(body, i + 1);
                } else if (i < body.length && body[i] == '}') {
                    i++;
                    break;
                } else {
                    return null;
                }
            }
        }
        if (skipSpace(body, i) != body.length) {
            return null;
        }
        Scenario scenario = null;
        if (values[SCENARIO] != null) {
            scenario = scenario(values[SCENARIO]);
            if (scenario == null) {
                return null;
            }
        }
        return new ChecksApi.CheckRequest(values[SUBJECT_NUMBER], values[DOCUMENT_TYPE], scenario, values[PURPOSE],
                values[REFERENCE]);
    }

    /**
     * Whether the request keeps {@link ChecksApi.CheckRequest}'s declared constraints (the number present, number and
     * type at most 40 characters), judged in code as bean validation would judge them.
     */
    static boolean valid(ChecksApi.CheckRequest request) {
        return request.subjectNumber() != null && request.subjectNumber().length() <= 40
                && (request.documentType() == null || request.documentType().length() <= 40);
    }

    private static final String[] FIELDS = {"subjectNumber", "documentType", "scenario", "purpose", "reference"};
    private static final byte[][] FIELD_BYTES = new byte[FIELDS.length][];
    private static final int SUBJECT_NUMBER = 0;
    private static final int DOCUMENT_TYPE = 1;
    private static final int SCENARIO = 2;
    private static final int PURPOSE = 3;
    private static final int REFERENCE = 4;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final Scenario[] SCENARIOS = Scenario.values();

    static {
        for (int f = 0; f < FIELDS.length; f++) {
            FIELD_BYTES[f] = FIELDS[f].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** JSON's white space: space, tab, line feed, carriage return. */
    private static int skipSpace(byte[] body, int i) {
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * The index of the closing quote of the string opening at {@code i}, or -1 when there is none there, or it holds a
     * control character, or an escape where {@code escapes} is false (read by the mapper instead). An escaped quote
     * does not close it; whether an escape is one JSON has is for {@link #text} to say.
     */
    private static int stringEnd(byte[] body, int i, boolean escapes) {
        if (i >= body.length || body[i] != '"') {
            return -1;
        }
        for (int j = i + 1; j < body.length; j++) {
            byte b = body[j];
            if (b == '"') {
                return j;
            }
            if (b == '\\') {
                if (!escapes) {
                    return -1;
                }
                j++;
            } else if (b >= 0 && b < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private static int field(byte[] body, int from, int to) {
        for (int f = 0; f < FIELD_BYTES.length; f++) {
            byte[] name = FIELD_BYTES[f];
            if (name.length == to - from && startsWith(body, from, name)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (body[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a string's bytes between its quotes with its escapes read as the mapper reads them (JSON's eight
     * single-character escapes and a backslash, u and four hex digits of either case; a pair of escaped surrogates
     * is one character), or {@code null} when the mapper is to read it: another escape (which it refuses), an escaped
     * surrogate without its other half, bytes that are no well-formed UTF-8.
     */
    private static String text(byte[] body, int from, int to) {
        int backslash = indexOf(body, (byte) '\\', from, to);
        if (backslash < 0) {
            return utf8(body, from, to);
        }
        StringBuilder text = new StringBuilder(to - from);
        int k = from;
        while (backslash >= 0) {
            String plain = utf8(body, k, backslash);
            if (plain == null || backslash + 1 >= to) {
                return null;
            }
            text.append(plain);
            byte e = body[backslash + 1];
            k = backslash + 2;
            switch (e) {
                case '"', '\\', '/' -> text.append((char) e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int c = hex4(body, k, to);
                    if (c < 0) {
                        return null;
                    }
                    text.append((char) c);
                    k += 4;
                }
                default -> {
                    return null;
                }
            }
            backslash = indexOf(body, (byte) '\\', k, to);
        }
        String last = utf8(body, k, to);
        if (last == null) {
            return null;
        }
        text.append(last);
        return pairedSurrogates(text) ? text.toString() : null;
    }

    private static int indexOf(byte[] body, byte b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (body[k] == b) {
                return k;
            }
        }
        return -1;
    }

    /** The four hex digits at {@code at} as a number, or -1 when there are not four before {@code to}. */
    private static int hex4(byte[] body, int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(body[k], 16);
            if (digit < 0 || body[k] < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Whether every surrogate in the text is half of a pair (an escaped lone one is left to the mapper). */
    private static boolean pairedSurrogates(CharSequence text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < text.length() && Character.isLowSurrogate(text.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text of the bytes, or {@code null} when they are no well-formed UTF-8 (the mapper then says what it says). */
    private static String utf8(byte[] body, int from, int to) {
        boolean ascii = true;
        for (int k = from; k < to; k++) {
            if (body[k] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(body, from, to - from, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body, from, to - from))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException malformed) {
            return null;
        }
    }

    /** The scenario of that exact name, as the mapper reads an enum; {@code null} for any other text. */
    private static Scenario scenario(String name) {
        for (Scenario s : SCENARIOS) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
