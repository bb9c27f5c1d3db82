package cn.chengxin.measures.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import cn.chengxin.measures.CheckResult;

/**
 * Writes a check's answer ({@link CheckResult}) as the application's JSON mapper writes it, byte for byte — the same
 * members in the same order, {@code null}s written, instants and dates in ISO-8601, strings escaped as the mapper
 * escapes them — without its per-call machinery: the check API's lean lane answers thousands a second, and the
 * mapper's generic write cost some 6–7% of its request threads (performance-log, session xxxvii). A text the mapper
 * writes in a way of its own (a lone surrogate, no valid UTF-16) is not written here ({@code null}): the caller asks
 * the mapper, as before. {@code CheckAnswerJsonTests} compare the two.
 */
final class CheckAnswerJson {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out = new byte[1024];
    private int size;
    private boolean unwritable;

    private CheckAnswerJson() {
    }

    /** The answer's JSON in UTF-8, or {@code null} when a text in it is left to the mapper. */
    static byte[] write(CheckResult r) {
        CheckAnswerJson w = new CheckAnswerJson();
        w.raw("{\"checkId\":");
        w.text(r.checkId() == null ? null : r.checkId().toString());
        w.raw(",\"checkedAt\":");
        w.instant(r.checkedAt());
        w.raw(",\"maskedNumber\":");
        w.text(r.maskedNumber());
        w.raw(",\"cleanRecordThreeYears\":");
        w.raw(r.cleanRecordThreeYears() == null ? "null" : r.cleanRecordThreeYears().toString());
        w.raw(",\"maskedName\":");
        w.text(r.maskedName());
        w.raw(",\"scenario\":");
        w.text(r.scenario() == null ? null : r.scenario().name());
        w.raw(",\"entries\":");
        w.array(r.entries(), w::entry);
        w.raw(",\"measures\":");
        w.measures(r.measures());
        w.raw(",\"disputed\":");
        w.raw(r.disputed() ? "true" : "false");
        w.raw(",\"feedbackRequired\":");
        w.raw(r.feedbackRequired() ? "true" : "false");
        w.raw(",\"asResponsiblePerson\":");
        w.array(r.asResponsiblePerson(), w::asResponsible);
        w.raw(",\"reference\":");
        w.text(r.reference());
        w.raw("}");
        return w.unwritable ? null : Arrays.copyOf(w.out, w.size);
    }

    /** The first second of the year 0000 and of the year 10000: between them {@link Instant#toString} has four digits. */
    private static final long FOUR_DIGIT_YEARS_FROM = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_UNTIL = 253_402_300_800L;

    /**
     * An instant as {@link Instant#toString} writes it (ISO-8601 in UTC, seconds always, a fraction only when there is
     * one, in as few groups of three digits as hold it), without its formatter: the date, the time and the fraction
     * written straight as digits. A year outside 0000–9999 (a sign, more digits) is left to {@code toString}.
     */
    private void instant(Instant at) {
        if (at == null) {
            raw("null");
            return;
        }
        long seconds = at.getEpochSecond();
        if (seconds < FOUR_DIGIT_YEARS_FROM || seconds >= FOUR_DIGIT_YEARS_UNTIL) {
            text(at.toString());
            return;
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int second = (int) Math.floorMod(seconds, 86_400);
        room(32);
        out[size++] = '"';
        digits(day.getYear(), 4);
        out[size++] = '-';
        digits(day.getMonthValue(), 2);
        out[size++] = '-';
        digits(day.getDayOfMonth(), 2);
        out[size++] = 'T';
        digits(second / 3600, 2);
        out[size++] = ':';
        digits(second / 60 % 60, 2);
        out[size++] = ':';
        digits(second % 60, 2);
        int nano = at.getNano();
        if (nano != 0) {
            out[size++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(nano / 1_000, 6);
            } else {
                digits(nano, 9);
            }
        }
        out[size++] = 'Z';
        out[size++] = '"';
    }

    /** {@code value} (not negative) in {@code count} decimal digits, zeros in front; the caller made room. */
    private void digits(int value, int count) {
        for (int i = size + count - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += count;
    }

    private void entry(CheckResult.Entry e) {
        if (e == null) {
            raw("null");
            return;
        }
        raw("{\"id\":");
        text(e.id());
        raw(",\"listType\":");
        text(e.listType());
        raw(",\"listName\":");
        text(e.listName());
        raw(",\"rule\":");
        text(e.rule());
        raw(",\"legalBasis\":");
        text(e.legalBasis());
        raw(",\"department\":");
        text(e.department());
        raw(",\"effectiveFrom\":");
        instant(e.effectiveFrom());
        raw(",\"validUntil\":");
        text(e.validUntil() == null ? null : e.validUntil().toString());
        raw(",\"disputed\":");
        raw(e.disputed() ? "true" : "false");
        raw(",\"proceedings\":");
        texts(e.proceedings());
        raw(",\"recordProceedings\":");
        texts(e.recordProceedings());
        raw(",\"issuingPlatform\":");
        text(e.issuingPlatform());
        raw("}");
    }

    private void measures(List<CheckResult.Applicable> measures) {
        array(measures, this::applicable);
    }

    private void applicable(CheckResult.Applicable m) {
        if (m == null) {
            raw("null");
            return;
        }
        raw("{\"code\":");
        text(m.code());
        raw(",\"name\":");
        text(m.name());
        raw(",\"kind\":");
        text(m.kind());
        raw(",\"legalBasis\":");
        text(m.legalBasis());
        raw(",\"listType\":");
        text(m.listType());
        raw(",\"disputed\":");
        raw(m.disputed() ? "true" : "false");
        raw(",\"basedOn\":");
        texts(m.basedOn());
        raw("}");
    }

    private void asResponsible(CheckResult.AsResponsible a) {
        if (a == null) {
            raw("null");
            return;
        }
        raw("{\"organisation\":");
        if (a.organisation() == null) {
            raw("null");
        } else {
            raw("{\"name\":");
            text(a.organisation().name());
            raw(",\"maskedNumber\":");
            text(a.organisation().maskedNumber());
            raw("}");
        }
        raw(",\"role\":");
        text(a.role());
        raw(",\"entryId\":");
        text(a.entryId());
        raw(",\"listType\":");
        text(a.listType());
        raw(",\"disputed\":");
        raw(a.disputed() ? "true" : "false");
        raw(",\"measures\":");
        measures(a.measures());
        raw("}");
    }

    private void comma(int index) {
        if (index > 0) {
            room(1);
            out[size++] = ',';
        }
    }

    private void texts(List<String> texts) {
        array(texts, this::text);
    }

    /** A list as a JSON array, each element written by {@code element}; a null list as {@code null}. */
    private <T> void array(List<T> list, Consumer<T> element) {
        if (list == null) {
            raw("null");
            return;
        }
        raw("[");
        for (int i = 0; i < list.size(); i++) {
            comma(i);
            element.accept(list.get(i));
        }
        raw("]");
    }

    /** ASCII written as it is: the members' names, punctuation and literals. */
    private void raw(String ascii) {
        int n = ascii.length();
        room(n);
        for (int i = 0; i < n; i++) {
            out[size++] = (byte) ascii.charAt(i);
        }
    }

    /**
     * A JSON string in UTF-8 as the mapper writes one: a quote and a backslash escaped with a backslash; the control
     * characters backspace, tab, line feed, form feed and carriage return by their short escapes and the other ones
     * below U+0020 as {@code \}{@code u00XX} (upper-case hex); everything else, a surrogate pair as one 4-byte
     * sequence, unescaped.
     */
    private void text(String s) {
        if (s == null) {
            raw("null");
            return;
        }
        int n = s.length();
        room(n * 6 + 2);
        byte[] b = out;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    b[p++] = '\\';
                    switch (c) {
                        case '"', '\\' -> b[p++] = (byte) c;
                        case '\b' -> b[p++] = 'b';
                        case '\t' -> b[p++] = 't';
                        case '\n' -> b[p++] = 'n';
                        case '\f' -> b[p++] = 'f';
                        case '\r' -> b[p++] = 'r';
                        default -> {
                            b[p++] = 'u';
                            b[p++] = '0';
                            b[p++] = '0';
                            b[p++] = HEX[c >> 4];
                            b[p++] = HEX[c & 0xF];
                        }
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                unwritable = true;
            }
        }
        b[p++] = '"';
        size = p;
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
