package cn.chengxin.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedAddressesTests {

    @Test
    void blocksAreNormalisedAndMatchTheirNetworkOnly() {
        AllowedAddresses allowed = AllowedAddresses.parse("10.8.3.7/16，192.0.2.7\n2001:db8::/32");
        assertThat(allowed.texts()).containsExactly("10.8.0.0/16", "192.0.2.7/32", "2001:db8:0:0:0:0:0:0/32");
        assertThat(allowed.permits("10.8.255.255")).isTrue();
        assertThat(allowed.permits("10.9.0.0")).isFalse();
        assertThat(allowed.permits("192.0.2.7")).isTrue();
        assertThat(allowed.permits("192.0.2.8")).isFalse();
        assertThat(allowed.permits("2001:db8:1::1")).isTrue();
        assertThat(allowed.permits("2001:db9::1")).isFalse();
        assertThat(allowed.permits("::ffff:10.8.1.1")).as("an IPv4-mapped address is its IPv4 address").isTrue();
        assertThat(allowed.permits("localhost")).as("never looked up").isFalse();
        assertThat(allowed.permits(null)).isFalse();
        assertThat(AllowedAddresses.of(allowed.texts()).texts()).isEqualTo(allowed.texts());
    }

    @Test
    void noBlockMeansAnyAddress() {
        assertThat(AllowedAddresses.parse("  ").any()).isTrue();
        assertThat(AllowedAddresses.parse(null).permits("203.0.113.1")).isTrue();
    }

    /** Gaps review xxxi M7: the platform's own keys (demo, benchmarks, tests) answer on this machine only. */
    @Test
    void loopbackIsThisMachineOnly() {
        assertThat(AllowedAddresses.LOOPBACK.any()).isFalse();
        for (String local : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertThat(AllowedAddresses.LOOPBACK.permits(local)).as(local).isTrue();
        }
        for (String remote : new String[] {"10.0.0.1", "192.168.1.2", "2001:db8::1", "::2", "128.0.0.1"}) {
            assertThat(AllowedAddresses.LOOPBACK.permits(remote)).as(remote).isFalse();
        }
    }

    @Test
    void namesAndBadPrefixesAreRefused() {
        for (String bad : new String[] {"example.com", "10.0.0.0/33", "10.0.0.0/0", "10.0.0.0/x", "::/129"}) {
            assertThatThrownBy(() -> AllowedAddresses.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
