package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

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
}
