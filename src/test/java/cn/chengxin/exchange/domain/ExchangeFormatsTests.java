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

    /**
     * Gaps review xliii X3: a back-loaded record's change names the old platform's id, which only the third version
     * carries; a partner declared to read the first or second gets the batch in its version, the member left out.
     */
    @Test
    void aBatchNamingAnOldPlatformsIdIsTheThirdVersionAndLeavesItOutBelow() {
        ExchangeMessage record = Messages.penalty("411700", "record/" + UUID.randomUUID(), 3, NUMBER, null);
        ExchangeMessage linked = new ExchangeMessage(record.sourcePlatform(), record.sourceId(), record.version(),
                record.kind(), record.occurredAt(), record.subject(), record.item(), record.listType(),
                record.severity(), record.period(), record.status(), record.disputed(), record.department(),
                record.decisionNumber(), record.legalBasis(), record.issuingPlatformName(), record.proceedings(),
                "OLD-2019-000123");
        assertThat(linked.problems()).isEmpty();
        assertThat(ExchangeFormats.forBatch(List.of(plain, linked), null)).isEqualTo("chengxin-exchange/3");
        assertThat(ExchangeFormats.forBatch(List.of(contested, linked), "chengxin-exchange/2"))
                .isEqualTo("chengxin-exchange/2");
        assertThat(ExchangeFormats.forBatch(List.of(linked), "chengxin-exchange/1")).isEqualTo("chengxin-exchange/1");
        assertThat(ExchangeFormats.carried(List.of(linked), "chengxin-exchange/3")).containsExactly(linked);
        assertThat(ExchangeFormats.carried(List.of(linked), "chengxin-exchange/2")).singleElement()
                .satisfies(m -> assertThat(m.legacySourceId()).isNull())
                .satisfies(m -> assertThat(m.sourceId()).isEqualTo(record.sourceId()));
        ExchangeMessage onAnEntry = new ExchangeMessage(plain.sourcePlatform(), plain.sourceId(), plain.version(),
                plain.kind(), plain.occurredAt(), plain.subject(), plain.item(), plain.listType(), plain.severity(),
                plain.period(), plain.status(), plain.disputed(), plain.department(), plain.decisionNumber(),
                plain.legalBasis(), plain.issuingPlatformName(), plain.proceedings(), "OLD-1");
        assertThat(onAnEntry.problems()).containsExactly("legacySourceId: a record's old id, not empty");
    }

    @Test
    void thePlatformReadsBothVersionsAndAnnouncesThem() {
        assertThat(ExchangeFormats.ACCEPTED).containsExactly("chengxin-exchange/1", "chengxin-exchange/2",
                "chengxin-exchange/3");
        assertThat(ExchangeFormats.accepted("chengxin-exchange/3")).isTrue();
        assertThat(ExchangeFormats.accepted("chengxin-exchange/4")).isFalse();
        assertThat(ExchangeFormats.accepted(null)).isFalse();
    }
}
