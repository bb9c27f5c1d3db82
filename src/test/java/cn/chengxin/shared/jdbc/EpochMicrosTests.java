package cn.chengxin.shared.jdbc;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpochMicrosTests {

    @Test
    void countsMicrosecondsFromTheEpochTruncatingFinerParts() {
        assertThat(EpochMicros.of(Instant.parse("2026-12-05T10:15:30.123456Z"))).isEqualTo(1_796_465_730_123_456L);
        assertThat(EpochMicros.of(Instant.parse("2026-12-05T10:15:30.123456789Z"))).isEqualTo(1_796_465_730_123_456L);
        assertThat(EpochMicros.of(Instant.EPOCH)).isZero();
    }

    @Test
    void instantsBeforeTheEpochCountDownwards() {
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo(-500_000L);
        assertThat(EpochMicros.of(Instant.parse("1949-10-01T07:00:00Z"))).isEqualTo(-639_075_600_000_000L);
    }

    @Test
    void theSqlTurnsTheNumberOfAColumnBackIntoATimestamp() {
        assertThat(EpochMicros.sql("u.at")).isEqualTo("(timestamptz 'epoch' + u.at * interval '1 microsecond')");
    }
}
