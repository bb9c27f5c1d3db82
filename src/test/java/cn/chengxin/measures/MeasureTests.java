package cn.chengxin.measures;

import java.util.Set;

import cn.chengxin.listing.ListType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a measure of the catalogue must say and which lists its kind may follow (RULES.md §7). */
class MeasureTests {

    private static Measure measure(MeasureKind kind, String basis, Set<ListType> lists, Set<Scenario> scenarios,
                                   boolean cleanRecord) {
        return new Measure("M", "某措施", kind, basis, Set.of(), lists, scenarios, cleanRecord, true);
    }

    @Test
    void aMeasureWithBasisScenarioAndAListItsKindMayFollowStands() {
        assertThat(measure(MeasureKind.MANAGEMENT, "国办发〔2019〕35号", Set.of(ListType.GREY, ListType.BLACK),
                Set.of(Scenario.INSPECTION), false).problems()).isEmpty();
        assertThat(measure(MeasureKind.INCENTIVE, "国办发〔2016〕98号", Set.of(), Set.of(Scenario.LICENSING), true)
                .problems()).as("an incentive for clean records only").isEmpty();
    }

    @Test
    void aMeasureThatReducesRightsNeverFollowsTheGreyOrRedList() {
        assertThat(measure(MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(ListType.GREY, ListType.BLACK),
                Set.of(Scenario.HIRING), false).problems()).containsExactly("「减损权益或增加义务的惩戒措施」不能适用于重点关注名单");
        assertThat(measure(MeasureKind.MARKET, "某法规", Set.of(ListType.RED), Set.of(Scenario.HIRING), false)
                .problems()).containsExactly("「市场性、行业性措施」不能适用于红名单");
    }

    @Test
    void anIncentiveFollowsOnlyTheRedListAndOnlyIncentivesRewardACleanRecord() {
        assertThat(measure(MeasureKind.INCENTIVE, "某文件", Set.of(ListType.BLACK), Set.of(Scenario.AWARDS), false)
                .problems()).containsExactly("「守信激励措施」不能适用于严重失信主体名单");
        assertThat(measure(MeasureKind.MANAGEMENT, "某文件", Set.of(ListType.GREY), Set.of(Scenario.AWARDS), true)
                .problems()).containsExactly("只有守信激励措施才能给予三年无失信记录的主体");
    }

    @Test
    void aMeasureWithoutBasisScenarioOrListIsRefusedWithEachReason() {
        assertThat(measure(MeasureKind.MANAGEMENT, " ", Set.of(), Set.of(), false).problems())
                .containsExactly("须写明措施的法律、法规或政策依据", "须至少选择一个适用场景", "须至少选择一个适用名单");
    }
}
