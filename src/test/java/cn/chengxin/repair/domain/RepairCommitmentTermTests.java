package cn.chengxin.repair.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** G11: the term of the commitment signed with an approved repair (RULES.md §6 names none). */
class RepairCommitmentTermTests {

    private final LocalDate approved = LocalDate.of(2026, 12, 5);

    @Test
    void itRunsToTheRepairedRecordsOriginalLastDayOfDisplay() {
        assertThat(RepairCommitmentTerm.defaults().until(approved, LocalDate.of(2029, 3, 1)))
                .isEqualTo(LocalDate.of(2029, 3, 1));
    }

    @Test
    void withNoLastDayItRunsTheConfiguredMonths() {
        assertThat(RepairCommitmentTerm.defaults().until(approved, null)).isEqualTo(LocalDate.of(2027, 12, 5));
        assertThat(new RepairCommitmentTerm(6).until(approved, null)).isEqualTo(LocalDate.of(2027, 6, 5));
    }

    @Test
    void itNeverEndsBeforeTheDayAfterApproval() {
        assertThat(RepairCommitmentTerm.defaults().until(approved, approved)).isEqualTo(approved.plusDays(1));
        assertThat(RepairCommitmentTerm.defaults().until(approved, approved.minusDays(3)))
                .isEqualTo(approved.plusDays(1));
    }

    @Test
    void aTermOutOfRangeStopsThePlatformAtStart() {
        assertThatThrownBy(() -> new RepairCommitmentTerm(0)).hasMessageContaining("commitment-months (0)");
        assertThatThrownBy(() -> new RepairCommitmentTerm(61)).hasMessageContaining("commitment-months (61)");
    }
}
