package cn.chengxin.repair.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepairLimitTests {

    @Test
    void noLimitByDefaultAsNationally() {
        assertThat(new RepairLimit(null).allows(50)).isTrue();
        assertThat(new RepairLimit(0).allows(50)).isTrue();
        assertThat(new RepairLimit(0).limited()).isFalse();
    }

    @Test
    void aLocalLimitRefusesTheApplicationThatWouldExceedIt() {
        RepairLimit twice = new RepairLimit(2);
        assertThat(twice.allows(1)).isTrue();
        assertThat(twice.allows(2)).isFalse();
    }
}
