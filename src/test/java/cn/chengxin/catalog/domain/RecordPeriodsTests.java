package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §4, finding H5 of gaps review xxv: a version that shortens a period reaches what was collected before, one
 * that lengthens it does not, and a correction counts under the versions since its record was collected.
 */
class RecordPeriodsTests {

    private static final LocalDate DECIDED = LocalDate.of(2025, 3, 10);

    private final ItemDefinition serious = ItemDefinition.withDefaultPeriods(BaseCatalogue.items().stream()
            .filter(i -> i.code().equals("P_ADMIN_PENALTY_SERIOUS")).findFirst().orElseThrow());

    @Test
    void aShorterPublicationOrRetentionPeriodShortensALongerOneDoesNot() {
        ItemDefinition twelve = serious.withPeriods(12, 12, 5);
        assertThat(serious.publicationMaxMonths()).isEqualTo(36);
        assertThat(RecordPeriods.shortens(serious, twelve)).isTrue();
        assertThat(RecordPeriods.shortens(twelve, serious)).isFalse();
        assertThat(RecordPeriods.shortens(serious, serious.withPeriods(12, 36, 3))).as("retention").isTrue();
        assertThat(RecordPeriods.shortens(serious.withPeriods(12, null, null), serious)).as("long-term before")
                .isTrue();
        assertThat(RecordPeriods.shortens(serious, serious.withPeriods(12, null, 5))).as("long-term now").isFalse();
        assertThat(RecordPeriods.shortens(serious, serious.withPeriods(6, 36, 5))).as("the minimum is no end")
                .isFalse();
    }

    @Test
    void theEndsAreTheEarliestUnderTheVersionsSinceCollection() {
        ItemDefinition twelve = serious.withPeriods(12, 12, 5);
        assertThat(RecordPeriods.publicationEnd(serious, DECIDED, Map.of())).isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(RecordPeriods.publicationEnd(List.of(twelve, serious), DECIDED, Map.of())).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(RecordPeriods.publicationEnd(List.of(serious, twelve), DECIDED, Map.of())).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(RecordPeriods.retentionEnd(List.of(serious, serious.withPeriods(12, 36, 3)), DECIDED,
                Map.of("ended_on", "2025-09-30"))).as("from the act's end").isEqualTo(LocalDate.of(2028, 9, 30));
        assertThat(RecordPeriods.publicationEnd(List.of(serious.withPeriods(12, null, null)), DECIDED, Map.of()))
                .as("long-term").isNull();
        assertThat(RecordPeriods.publicationEnd(serious, null, Map.of())).as("no decision date").isNull();
    }

    /**
     * RULES.md §7, 法释〔2017〕7号第一条、第二条: a court defaulter's record is published as long as the court lists him —
     * without end for 第一条第一项, until the court's last day where that is later than its class's three years.
     */
    @Test
    void aCourtDefaultersRecordIsPublishedAsLongAsTheCourtListsHim() {
        ItemDefinition court = ItemDefinition.withDefaultPeriods(BaseCatalogue.items().stream()
                .filter(i -> i.code().equals("P_COURT_DEFAULTER")).findFirst().orElseThrow());
        assertThat(court.publicationMaxMonths()).isEqualTo(36);
        assertThat(RecordPeriods.publicationEnd(court, DECIDED, Map.of("behaviour", "有履行能力而拒不履行生效法律文书确定义务")))
                .as("第一条第一项: no term").isNull();
        assertThat(RecordPeriods.publicationEnd(court, DECIDED, Map.of("behaviour", "违反限制消费令",
                "listing_end", "2030-03-09"))).as("the court's end, five years on").isEqualTo(LocalDate.of(2030, 3, 9));
        assertThat(RecordPeriods.publicationEnd(court, DECIDED, Map.of("behaviour", "有履行能力而拒不履行",
                "listing_end", "2030-03-09"))).as("the court's end rules over the grounds")
                .isEqualTo(LocalDate.of(2030, 3, 9));
        assertThat(RecordPeriods.publicationEnd(court, DECIDED, Map.of("behaviour", "违反限制消费令",
                "listing_end", "2027-03-09"))).as("never before its class's period").isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(RecordPeriods.publicationEnd(court, DECIDED, Map.of("behaviour", "无正当理由拒不履行执行和解协议")))
                .as("第一条第六项: its class's period").isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(RecordPeriods.publicationEnd(List.of(court, court.withPeriods(12, 12, 5)), DECIDED,
                Map.of("behaviour", "有履行能力而拒不履行"))).as("a shorter version does not end the court's listing")
                .isNull();
        assertThat(RecordPeriods.publicationEnd(serious, DECIDED, Map.of("behaviour", "有履行能力而拒不履行")))
                .as("another item").isEqualTo(LocalDate.of(2028, 3, 10));
    }

    @Test
    void longTermIsLaterThanAnyDay() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThat(RecordPeriods.earlier(null, day)).isEqualTo(day);
        assertThat(RecordPeriods.earlier(day, null)).isEqualTo(day);
        assertThat(RecordPeriods.earlier(null, null)).isNull();
        assertThat(RecordPeriods.earlier(day, day.plusDays(1))).isEqualTo(day);
        assertThat(RecordPeriods.earlier(day.plusDays(1), day)).isEqualTo(day);
    }
}
