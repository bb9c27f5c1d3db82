package cn.chengxin.repair.domain;

import cn.chengxin.creditfile.RecordStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** G8: which changes of its record end an open repair application, and why the applicant is told. */
class RepairEndTests {

    @Test
    void aRecordLeavingDisplayEndsTheApplicationWithItsOwnReason() {
        assertThat(RepairEnd.of(RecordStatus.REVOKED, false)).contains(RepairEnd.REVOKED);
        assertThat(RepairEnd.of(RecordStatus.EXPIRED, false)).contains(RepairEnd.EXPIRED);
        assertThat(RepairEnd.of(RecordStatus.REPAIRED, false)).contains(RepairEnd.REPAIRED);
        assertThat(RepairEnd.of(RecordStatus.ARCHIVED, false)).contains(RepairEnd.ARCHIVED);
        assertThat(RepairEnd.REVOKED.reason()).contains("已撤销", "无需修复");
        assertThat(RepairEnd.EXPIRED.reason()).contains("公示期满", "无需修复");
    }

    @Test
    void aRecordReplacedByANewVersionEndsItEvenWhileShown() {
        assertThat(RepairEnd.of(RecordStatus.ACTIVE, true)).contains(RepairEnd.CHANGED);
        assertThat(RepairEnd.of(RecordStatus.IN_DISPUTE, true)).contains(RepairEnd.CHANGED);
        assertThat(RepairEnd.CHANGED.reason()).contains("已变更", "重新申请");
    }

    @Test
    void aShownRecordNotReplacedEndsNothingInDisputeIncluded() {
        assertThat(RepairEnd.of(RecordStatus.ACTIVE, false)).isEmpty();
        assertThat(RepairEnd.of(RecordStatus.IN_DISPUTE, false)).isEmpty();
    }
}
