package cn.chengxin.measures;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Three or more consecutive years without a negative record (RULES.md §7), for persons and organisations. */
class CleanRecordTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aNegativeRecordDecidedInTheLastThreeYearsBreaksTheRecord() {
        assertThat(CleanRecord.withoutNegativeRecord(null, TODAY)).isTrue();
        assertThat(CleanRecord.withoutNegativeRecord(LocalDate.of(2023, 12, 2), TODAY)).isTrue();
        assertThat(CleanRecord.withoutNegativeRecord(LocalDate.of(2023, 12, 3), TODAY)).isFalse();
        assertThat(CleanRecord.withoutNegativeRecord(LocalDate.of(2025, 11, 1), TODAY)).isFalse();
    }

    @Test
    void anOrganisationEstablishedLessThanThreeYearsAgoHasNoThreeCleanYears() {
        assertThat(CleanRecord.establishedLongEnough(LocalDate.of(2025, 6, 1), TODAY)).isFalse();
        assertThat(CleanRecord.establishedLongEnough(LocalDate.of(2023, 12, 4), TODAY)).as("a day short").isFalse();
        assertThat(CleanRecord.establishedLongEnough(LocalDate.of(2023, 12, 3), TODAY)).as("three years today")
                .isTrue();
        assertThat(CleanRecord.establishedLongEnough(LocalDate.of(2012, 5, 1), TODAY)).isTrue();
        assertThat(CleanRecord.establishedLongEnough(null, TODAY)).as("date unknown: its records decide").isTrue();
    }
}
