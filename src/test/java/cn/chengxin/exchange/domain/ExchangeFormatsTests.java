package cn.chengxin.exchange.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gaps review xxxvii R6: the format that carries {@code proceedings} is {@code chengxin-exchange/2}; a sender writes
 * the lowest version that carries its batch, never above what the partner declares it reads.
 */
class ExchangeFormatsTests {

    private static final String NUMBER = "11010519491231002X";
    private final ExchangeMessage plain = Messages.blackListEntry("411700", "list/" + UUID.randomUUID(), 1,
            "EFFECTIVE", NUMBER, "张三");
    private final ExchangeMessage contested = Messages.contestedBlackListEntry("411700", "list/" + UUID.randomUUID(),
            2, NUMBER, "张三", List.of("ADMINISTRATIVE_REVIEW"));

    @Test
    void aBatchCarryingProceedingsIsTheSecondVersionAndOneWithoutItTheFirst() {
        assertThat(ExchangeFormats.forBatch(List.of(plain), null)).isEqualTo("chengxin-exchange/1");
        assertThat(ExchangeFormats.forBatch(List.of(plain, contested), null)).isEqualTo("chengxin-exchange/2");
        assertThat(ExchangeFormats.forBatch(List.of(plain, contested), "chengxin-exchange/2"))
                .isEqualTo("chengxin-exchange/2");
    }

    @Test
    void aPartnerDeclaringTheFirstVersionIsNeverSentTheSecond() {
        assertThat(ExchangeFormats.forBatch(List.of(plain, contested), "chengxin-exchange/1"))
                .isEqualTo("chengxin-exchange/1");
    }

    @Test
    void thePlatformReadsBothVersionsAndAnnouncesThem() {
        assertThat(ExchangeFormats.ACCEPTED).containsExactly("chengxin-exchange/1", "chengxin-exchange/2");
        assertThat(ExchangeFormats.accepted("chengxin-exchange/2")).isTrue();
        assertThat(ExchangeFormats.accepted("chengxin-exchange/3")).isFalse();
        assertThat(ExchangeFormats.accepted(null)).isFalse();
    }
}
