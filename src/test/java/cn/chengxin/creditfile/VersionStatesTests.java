package cn.chengxin.creditfile;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionStatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate OPEN = TODAY.plusMonths(6);
    private static final LocalDate ENDED = TODAY.minusDays(1);

    @ParameterizedTest(name = "a correction keeps a {0} record so")
    @EnumSource(value = RecordStatus.class, names = {"REPAIRED", "IN_DISPUTE", "DECLINED"})
    void aCorrectionDoesNotReviveAClosedOrDisputedRecord(RecordStatus current) {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, current, false, OPEN, TODAY)).isEqualTo(current);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, current, false, null, TODAY)).isEqualTo(current);
    }

    @Test
    void anExpiredRecordComesBackOnlyWhenItsCorrectedWindowIsOpen() {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, false, ENDED, TODAY))
                .isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, false, OPEN, TODAY))
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, false, TODAY, TODAY))
                .as("still shown on its last day").isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aCorrectionDoesNotResumeADisplayThatADecisionStopped() {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, true, OPEN, TODAY))
                .as("an objection upheld as 停止公示 while the window was open").isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.EXPIRED, true, null, TODAY))
                .as("long-term").isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofNext(RecordAction.REVOKE, RecordStatus.EXPIRED, true, OPEN, TODAY))
                .as("its department may still revoke it").isEqualTo(RecordStatus.REVOKED);
    }

    @Test
    void noCurrentVersionIsCorrected() {
        assertThatThrownBy(() -> VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.CORRECTED, false, OPEN,
                TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anActiveRecordCorrectedToAnEndedWindowExpires() {
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, false, OPEN, TODAY))
                .isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, false, null, TODAY))
                .as("long-term").isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofNext(RecordAction.UPDATE, RecordStatus.ACTIVE, false, ENDED, TODAY))
                .isEqualTo(RecordStatus.EXPIRED);
    }

    @Test
    void aNewRecordWhoseWindowHasEndedStartsExpired() {
        assertThat(VersionStates.ofFirst(ENDED, TODAY)).isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofFirst(TODAY, TODAY)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofFirst(OPEN, TODAY)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofFirst(null, TODAY)).as("long-term").isEqualTo(RecordStatus.ACTIVE);
    }

    /** Gaps review xliii X10: past its retention too, a first version is archived, never disclosable a night. */
    @Test
    void aNewRecordWhoseRetentionHasEndedStartsArchived() {
        assertThat(VersionStates.ofFirst(ENDED, ENDED, TODAY)).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(VersionStates.ofFirst(ENDED, TODAY, TODAY)).as("kept on its retention's last day")
                .isEqualTo(RecordStatus.EXPIRED);
        assertThat(VersionStates.ofFirst(OPEN, OPEN, TODAY)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(VersionStates.ofFirst(null, null, TODAY)).as("long-term").isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aRevokedOrArchivedRecordTakesNoLaterVersion() {
        assertThat(VersionStates.refusal(RecordStatus.REVOKED)).map(StoreOutcome::code).contains("RECORD_REVOKED");
        assertThat(VersionStates.refusal(RecordStatus.ARCHIVED)).map(StoreOutcome::code).contains("RECORD_ARCHIVED");
        for (RecordStatus current : java.util.EnumSet.of(RecordStatus.REVOKED, RecordStatus.ARCHIVED)) {
            assertThatThrownBy(() -> VersionStates.ofNext(RecordAction.UPDATE, current, false, OPEN, TODAY))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "a {0} record may still be corrected or revoked")
    @EnumSource(value = RecordStatus.class, names = {"ACTIVE", "IN_DISPUTE", "EXPIRED", "REPAIRED"})
    void aRecordStillKeptTakesLaterVersions(RecordStatus current) {
        assertThat(VersionStates.refusal(current)).isEmpty();
    }

    @ParameterizedTest(name = "a revocation closes a {0} record")
    @EnumSource(value = RecordStatus.class, names = {"ACTIVE", "IN_DISPUTE", "EXPIRED", "REPAIRED"})
    void aRevocationAlwaysCloses(RecordStatus current) {
        assertThat(VersionStates.ofNext(RecordAction.REVOKE, current, false, OPEN, TODAY))
                .isEqualTo(RecordStatus.REVOKED);
    }
}
