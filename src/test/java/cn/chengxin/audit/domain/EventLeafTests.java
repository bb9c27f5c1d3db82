package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLeafTests {

    private static EventRecord event(String actorName, String detail) {
        return new EventRecord(7, Instant.parse("2026-11-22T08:00:00.123456Z"), AuditCategory.QUERY, "STAFF", "u1",
                actorName, "信用办", "subject.view", "abcd", "行政许可审查", "依据", null, AuditResult.SUCCESS, "r1", detail);
    }

    @Test
    void aFieldCannotImitateAnotherOrALineBreak() {
        assertThat(EventLeaf.encode(event("clerk\n信用办", null)))
                .isNotEqualTo(EventLeaf.encode(event("clerk", "\n信用办")));
        assertThat(new String(EventLeaf.encode(event("a\nb", "x\\ny")), StandardCharsets.UTF_8))
                .contains("a\\nb\n").contains("x\\\\ny\n");
    }

    @Test
    void nullAndEmptyDiffer() {
        assertThat(EventLeaf.encode(event("clerk", null))).isNotEqualTo(EventLeaf.encode(event("clerk", "")));
    }

    @Test
    void theSequenceNumberAndMicrosecondsAreInside() {
        EventRecord e = event("clerk", null);
        assertThat(EventLeaf.encode(e)).isNotEqualTo(EventLeaf.encode(e.withSeq(8)));
        assertThat(new String(EventLeaf.encode(e), StandardCharsets.UTF_8)).startsWith(
                "chengxin-audit-event/v1\n7\n1795334400.123456\n");
    }

    /** The stored leaves of every log ever written depend on these bytes: any change to the encoding breaks them. */
    @Test
    void theBytesAreThoseOfVersionOne() {
        EventRecord e = new EventRecord(12, Instant.parse("2026-11-22T08:00:00.000042Z"), AuditCategory.QUERY, "API",
                "c1", "审批系统", "市场监管局", "measures.check", "p\\q", "许可：r\rs", null, null, AuditResult.DENIED,
                null, "");
        assertThat(new String(EventLeaf.encode(e), StandardCharsets.UTF_8)).isEqualTo("""
                chengxin-audit-event/v1
                12
                1795334400.000042
                QUERY
                API
                c1
                审批系统
                市场监管局
                measures.check
                p\\\\q
                许可：r\\rs
                \\0
                \\0
                DENIED
                \\0

                """);
    }

    /**
     * The leaf written straight to bytes (session xl) gives exactly the bytes of the text encoding it replaced, kept
     * below as it was: random events of escapes, nulls, empty texts, Chinese, two-, three- and four-byte characters,
     * unpaired surrogates (as {@code ?}), NULs, negative and far instants.
     */
    @Test
    void theBytesAreThoseOfTheTextEncodingForRandomAndTrickyEvents() {
        Random random = new Random(40);
        for (int n = 0; n < 20_000; n++) {
            EventRecord e = new EventRecord(seq(random), instant(random),
                    AuditCategory.values()[random.nextInt(AuditCategory.values().length)], text(random),
                    text(random), text(random), text(random), text(random), text(random), text(random), text(random),
                    text(random), AuditResult.values()[random.nextInt(AuditResult.values().length)], text(random),
                    n % 50 == 0 ? long_(random) : text(random));
            assertThat(EventLeaf.encode(e)).as("event %s", e).isEqualTo(TextLeaf.encode(e));
        }
    }

    @Test
    void trickyFieldsGiveTheBytesOfTheTextEncoding() {
        String[] tricky = {"", "\\", "\\n", "\n\r", "\r\n", "\uD83D", "\uDE00", "\uD83D\uDE00",
                "\uDE00\uD83D", "\uD83D\n", "a\uD83D", "\uD83D\\", "\uD83D\uD83D\uDE00", "\u0000",
                "\u007F\u0080\u07FF\u0800\uFFFF\uFFFD", "\uDBFF\uDFFF", "\uD800\uDC00", "信用办\n许可\\",
                "x".repeat(2_000), "许".repeat(1_000) + "\uD83D\uDE00".repeat(300)};
        Instant[] instants = {Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00.000001Z"),
                Instant.ofEpochSecond(-1, 1_000)};
        for (String t : tricky) {
            for (Instant at : instants) {
                EventRecord e = new EventRecord(Long.MAX_VALUE, at, AuditCategory.SECURITY, t, t, t, t, t, t, t, t,
                        t, AuditResult.ERROR, t, t);
                assertThat(EventLeaf.encode(e)).as("field %s at %s", t, at).isEqualTo(TextLeaf.encode(e));
            }
        }
    }

    private static long seq(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10);
            case 1 -> random.nextLong() & Long.MAX_VALUE;
            case 2 -> -1; // not yet placed
            default -> random.nextInt(1_000_000_000);
        };
    }

    private static Instant instant(Random random) {
        long seconds = random.nextBoolean() ? 1_795_334_400L + random.nextInt(100_000_000)
                : random.nextLong(-62_135_596_800L, 253_402_300_799L);
        return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1_000L);
    }

    private static final String[] PIECES = {"a", "Z", "0", ".", " ", "\\", "\n", "\r", "\t", "\u0000", "é", "ñ",
            "\u07FF", "\u0800", "信", "用", "：", "\uFFFD", "\uFFFF", "\uD83D\uDE00", "\uD83D", "\uDE00",
            "\uDBFF\uDFFF", "\\0", "\"", "{", "}", ","};

    private static String text(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        int pieces = random.nextInt(kind == 2 ? 200 : 12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String long_(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** The encoding before session xl, as it was: the reference the bytes must keep to. */
    private static final class TextLeaf {

        static byte[] encode(EventRecord e) {
            StringBuilder out = new StringBuilder(256).append("chengxin-audit-event/v1").append('\n');
            field(out, Long.toString(e.seq()));
            String micros = Integer.toString(e.at().getNano() / 1000);
            field(out, e.at().getEpochSecond() + "." + "000000".substring(micros.length()) + micros);
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

        private static void field(StringBuilder out, String value) {
            if (value == null) {
                out.append("\\0\n");
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
    }
}
