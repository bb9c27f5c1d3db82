package cn.chengxin.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.chengxin.subject.domain.SubjectKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §7: an entry brings its measures up to and including its last day ({@code validUntil}, the court
 * defaulter's two years counted by 《民法典》第二百零一条、第二百零二条) and none from the day after. The check index
 * filters every subject's entries by {@link ListEntry#inForce}, so a day lost here is a day without measures for every
 * entry (gaps review xxxvii, Q1).
 */
class ListEntryTests {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 6);

    @Test
    void inForceUpToAndIncludingItsLastDay() {
        ListEntry entry = entry(EntryStatus.EFFECTIVE, LAST_DAY);

        assertThat(entry.inForce(LAST_DAY.minusDays(1))).isTrue();
        assertThat(entry.inForce(LAST_DAY)).as("on its last day").isTrue();
        assertThat(entry.inForce(LAST_DAY.plusDays(1))).as("the day after its last day").isFalse();
    }

    @Test
    void anEntryWithoutALastDayStaysInForce() {
        assertThat(entry(EntryStatus.EFFECTIVE, null).inForce(LAST_DAY.plusYears(10))).isTrue();
    }

    @ParameterizedTest(name = "a {0} entry is in force on no day")
    @EnumSource(value = EntryStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "EFFECTIVE")
    void onlyAnEffectiveEntryIsInForce(EntryStatus status) {
        ListEntry entry = entry(status, LAST_DAY);

        assertThat(entry.inForce(LAST_DAY.minusDays(1))).isFalse();
        assertThat(entry.inForce(LAST_DAY)).isFalse();
        assertThat(entry.inForce(LAST_DAY.plusDays(1))).isFalse();
    }

    private static ListEntry entry(EntryStatus status, LocalDate validUntil) {
        return new ListEntry(UUID.randomUUID(), ListType.BLACK, "COURT_DEFAULTER", 1, "失信被执行人",
                UUID.randomUUID(), "pseudonym", "张三", "张*", "110***********1234", UUID.randomUUID(), "COURT",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "未履行生效法律文书确定的义务",
                LAST_DAY.minusYears(2), status, "rule", Instant.parse("2024-12-06T02:00:00Z"), "reviewer",
                Instant.parse("2024-12-06T03:00:00Z"), null, Instant.parse("2024-12-07T00:00:00Z"), validUntil,
                null, null, false, 1L, SubjectKind.PERSON, List.of(), true, null, List.of());
    }
}
