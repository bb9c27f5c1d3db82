package cn.chengxin.inquiry.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.repair.domain.RepairEligibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6, §9: the repair status a report prints with each negative record. */
class RecordRepairTests {

    private static final LocalDate DECIDED = LocalDate.of(2026, 5, 10);

    @Test
    void aRecordIsRepairableFromTheEndOfItsMinimumPeriodOrOnceTheObligationIsFulfilled() {
        RecordRepair general = RecordRepair.of(RepairEligibility.of(Nature.NEGATIVE, Severity.GENERAL, null, DECIDED),
                false).orElseThrow();
        assertThat(general.code()).isEqualTo(RecordRepair.Code.FROM_DATE);
        assertThat(general.from()).isEqualTo(LocalDate.of(2026, 8, 10));
        assertThat(general.text()).isEqualTo("可申请修复（自 2026-08-10）");
        assertThat(RecordRepair.of(RepairEligibility.of(Nature.NEGATIVE, Severity.SERIOUS, null, DECIDED), false)
                .orElseThrow().text()).isEqualTo("可申请修复（自 2027-05-10）");
        assertThat(RecordRepair.of(RepairEligibility.of(Nature.NEGATIVE, Severity.MINOR, null, DECIDED), false)
                .orElseThrow().text()).isEqualTo("履行义务后可申请修复");
    }

    @Test
    void anOpenApplicationIsPrintedInsteadOfThePeriod() {
        RecordRepair applying = RecordRepair.of(RepairEligibility.of(Nature.NEGATIVE, Severity.GENERAL, null, DECIDED),
                true).orElseThrow();
        assertThat(applying.code()).isEqualTo(RecordRepair.Code.APPLYING);
        assertThat(applying.text()).isEqualTo("修复申请办理中");
        assertThat(applying.from()).isNull();
    }

    @Test
    void anotherAuthoritysDecisionIsNamedAndARecordNotRepairedHasNoStatus() {
        assertThat(RecordRepair.of(new RepairEligibility(RepairEligibility.Kind.BY_AUTHORITY, null,
                RepairAuthority.COURT), false).orElseThrow().text()).isEqualTo("由人民法院决定");
        assertThat(RecordRepair.of(new RepairEligibility(RepairEligibility.Kind.BY_AUTHORITY, null,
                RepairAuthority.LISTING_DEPARTMENT), false).orElseThrow().code())
                .isEqualTo(RecordRepair.Code.LISTING_DEPARTMENT);
        assertThat(RecordRepair.of(RepairEligibility.of(Nature.GOOD, null, null, DECIDED), false)).isEmpty();
        assertThat(RecordRepair.of(null, true)).isEmpty();
    }
}
