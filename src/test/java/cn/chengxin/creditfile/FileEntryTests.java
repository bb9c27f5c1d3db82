package cn.chengxin.creditfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §4: a record is published up to and including its last day and is "not displayed, not used" from the day
 * after, whether or not the nightly job has moved it yet. {@link FileEntry#asOn} is what 信用公示, the person's file,
 * reports and the console read, so a day lost here drops every record a day early (gaps review xxxvii, Q2).
 */
class FileEntryTests {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest(name = "a {0} record is shown up to and including its last day")
    @EnumSource(value = RecordStatus.class, names = {"ACTIVE", "IN_DISPUTE"})
    void shownUpToAndIncludingItsLastDay(RecordStatus status) {
        FileEntry entry = entry(status, LAST_DAY);

        assertThat(entry.asOn(LAST_DAY.minusDays(1))).isEqualTo(entry);
        assertThat(entry.asOn(LAST_DAY)).as("on its last day").isEqualTo(entry);
        FileEntry after = entry.asOn(LAST_DAY.plusDays(1));
        assertThat(after.status()).as("the day after its last day").isEqualTo(RecordStatus.EXPIRED);
        assertThat(after.status().shown()).isFalse();
        assertThat(after.recordKey()).isEqualTo(entry.recordKey());
        assertThat(after.publicationEnd()).isEqualTo(LAST_DAY);
    }

    @ParameterizedTest(name = "a long-term {0} record is never out of its period")
    @EnumSource(value = RecordStatus.class, names = {"ACTIVE", "IN_DISPUTE"})
    void aLongTermRecordIsShownOnEveryDay(RecordStatus status) {
        FileEntry entry = entry(status, null);

        assertThat(entry.asOn(LAST_DAY.plusYears(20))).isEqualTo(entry);
    }

    @ParameterizedTest(name = "a {0} record stays {0} after its last day")
    @EnumSource(value = RecordStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"ACTIVE", "IN_DISPUTE"})
    void aRecordNotShownKeepsItsState(RecordStatus status) {
        FileEntry entry = entry(status, LAST_DAY);

        assertThat(entry.asOn(LAST_DAY.plusDays(1))).isEqualTo(entry);
    }

    private static FileEntry entry(RecordStatus status, LocalDate publicationEnd) {
        return new FileEntry(UUID.randomUUID(), 1, "ADMIN_PENALTY", 1, "MARKET", "市监罚〔2023〕12号",
                LocalDate.of(2023, 12, 6), Map.of("fine", "5000"), status, publicationEnd, false,
                Instant.parse("2023-12-07T02:00:00Z"), null);
    }
}
