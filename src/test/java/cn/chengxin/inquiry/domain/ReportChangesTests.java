package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.creditfile.RecordStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding G5: which record changes change a report, and from which day its verification says so. */
class ReportChangesTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aRecordLeavingDisplayOrGettingANewVersionChangesTheReportsCarryingIt() {
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.REVOKED)).hasValue("REVOKED");
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.REPAIRED)).hasValue("REPAIRED");
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.CORRECTED)).hasValue("CORRECTED");
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.EXPIRED)).hasValue("EXPIRED");
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.DECLINED)).hasValue("DECLINED");
        assertThat(ReportChanges.kindOf(RecordStatesChanged.WINDOWS)).hasValue("EXPIRED");
        assertThat(ReportChanges.kindOf(RecordStatesChanged.STORED)).hasValue(ReportChanges.UPDATED);
        assertThat(ReportChanges.kindOf("migration")).hasValue(ReportChanges.UPDATED);
        assertThat(ReportChanges.kindOf(RecordStatesChanged.PERIODS)).as("a shorter period, still shown")
                .hasValue(ReportChanges.SHORTENED);
    }

    @Test
    void aRecordStillShownChangesNothingTheVerificationAnswersFor() {
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.IN_DISPUTE)).isEmpty();
        assertThat(ReportChanges.kindOf("status:" + RecordStatus.ACTIVE)).isEmpty();
        assertThat(ReportChanges.kindOf("proceedings")).isEmpty();
        assertThat(ReportChanges.kindOf(null)).isEmpty();
    }

    @Test
    void theChangeDatesFromTheEarliestOfTheMarkThePublicationEndAndAnEntryEnded() {
        assertThat(ReportChanges.changedOn(null, null, null, TODAY)).isEmpty();
        assertThat(ReportChanges.changedOn(null, TODAY, null, TODAY)).as("its last day of publication is today")
                .isEmpty();
        assertThat(ReportChanges.changedOn(null, TODAY.minusDays(3), null, TODAY)).hasValue(TODAY.minusDays(2));
        assertThat(ReportChanges.changedOn(TODAY.minusDays(1), TODAY.minusDays(3), null, TODAY))
                .hasValue(TODAY.minusDays(2));
        assertThat(ReportChanges.changedOn(TODAY.minusDays(1), TODAY.plusYears(2), TODAY.minusDays(4), TODAY))
                .hasValue(TODAY.minusDays(4));
    }

    @Test
    void anEntryChangesTheReportOnceItIsNoLongerInForce() {
        assertThat(ReportChanges.entryEndedOn(true, null, TODAY.plusYears(1), TODAY, CHINA)).isEmpty();
        Instant exited = TODAY.minusDays(2).atTime(23, 30).atZone(CHINA).toInstant();
        assertThat(ReportChanges.entryEndedOn(false, exited, TODAY.plusYears(1), TODAY, CHINA))
                .as("the exit's day in Beijing").hasValue(TODAY.minusDays(2));
        assertThat(ReportChanges.entryEndedOn(false, null, TODAY.minusDays(6), TODAY, CHINA))
                .hasValue(TODAY.minusDays(5));
        assertThat(ReportChanges.entryEndedOn(false, exited, TODAY.minusDays(6), TODAY, CHINA))
                .hasValue(TODAY.minusDays(5));
        assertThat(ReportChanges.entryEndedOn(false, null, null, TODAY, CHINA)).as("gone, nothing says when")
                .hasValue(TODAY);
    }
}
