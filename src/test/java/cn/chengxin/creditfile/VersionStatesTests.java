package cn.chengxin.creditfile;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionStatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate OPEN = TODAY.plusMonths(6);
    private static final LocalDate ENDED = TODAY.minusDays(1);

    @ParameterizedTest(name = "a correction keeps a {0} record so")
    @EnumSource(value = RecordStatus.class, names = {"REPAIRED", "REVOKED", "ARCHIVED", "IN_DISPUTE"})
    void aCorrectionDoesNotReviveAClosedOrDisputedRecord(RecordStatus current) {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, current, OPEN, TODAY)).isEqualTo(current);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, current, null, TODAY)).isEqualTo(current);
    }

    @Test
    void anExpiredRecordComesBackOnlyWhenItsCorrectedWindowIsOpen() {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, ENDED, TODAY))
                .isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, OPEN, TODAY))
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, TODAY, TODAY))
                .as("still shown on its last day").isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void anActiveRecordCorrectedToAnEndedWindowExpires() {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, OPEN, TODAY))
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, null, TODAY))
                .as("long-term").isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, ENDED, TODAY))
                .isEqualTo(RecordStatus.EXPIRED);
    }

    @Test
    void aNewRecordWhoseWindowHasEndedStartsExpired() {
        assertThat(VersionStates.ofFirst(ENDED, TODAY)).isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofFirst(TODAY, TODAY)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofFirst(OPEN, TODAY)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofFirst(null, TODAY)).as("long-term").isEqualTo(RecordStatus.ACTIVE);
    }

    @ParameterizedTest(name = "a revocation closes a {0} record")
    @EnumSource(RecordStatus.class)
    void aRevocationAlwaysCloses(RecordStatus current) {
        assertThat(VersionStates.ofNext(RecordAction.REVOKE, current, OPEN, TODAY)).isEqualTo(RecordStatus.REVOKED);
    }
}
