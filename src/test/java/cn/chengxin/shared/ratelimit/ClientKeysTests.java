package cn.chengxin.shared.ratelimit;

import java.time.Instant;

import cn.chengxin.shared.CodedProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients are counted per IPv4 address and per IPv6 /64 network. */
class ClientKeysTests {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertThat(ClientKeys.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientKeys.of("2001:0db8:0001:0002:0:0:0:1"))
                .isEqualTo(ClientKeys.of("2001:db8:1:2::99%eth0"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(ClientKeys.of("2001:db8:1:2::1"));
    }

    @Test
    void anIpv4ClientIsItsAddressInEitherForm() {
        assertThat(ClientKeys.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientKeys.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientKeys.of("192.0.2.8")).isNotEqualTo(ClientKeys.of("192.0.2.7"));
    }

    @Test
    void whatIsNoAddressIsCountedAsWritten() {
        assertThat(ClientKeys.of("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(ClientKeys.of(null)).isNull();
    }

    @Test
    void changingTheAddressWithinTheNetworkDoesNotPassThePageLimit() {
        PerAddressLimit limit = new PerAddressLimit(LimitCounters.inMemory(), 3, "LIST_RATE_LIMITED");
        for (int i = 1; i <= 3; i++) {
            limit.take("2001:db8:1:2::" + Integer.toHexString(i), T0);
        }
        assertThatThrownBy(() -> limit.take("2001:db8:1:2::ffff", T0))
                .isInstanceOfSatisfying(CodedProblem.class, p -> assertThat(p.code()).isEqualTo("LIST_RATE_LIMITED"));
        limit.take("2001:db8:1:3::1", T0); // another subscriber's network
    }
}
