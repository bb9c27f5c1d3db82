package cn.chengxin.measures;

import java.util.Set;

import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a measure of the catalogue must say and which lists its kind may follow (RULES.md §7). */
class MeasureTests {

    private static final Set<SubjectKind> BOTH = Set.of(SubjectKind.PERSON, SubjectKind.ORGANISATION);

    private static Measure measure(MeasureKind kind, String basis, Set<ListType> lists, Set<Scenario> scenarios,
                                   boolean cleanRecord) {
        return new Measure("M", "某措施", kind, basis, Set.of(), true, lists, scenarios, cleanRecord, true, BOTH,
                Set.of());
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

    @Test
    void aMeasureReachesSomeKindOfSubjectAndIsLimitedToRulesOnlyWhenItFollowsAList() {
        Measure forNoOne = new Measure("M", "某措施", MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(), true,
                Set.of(ListType.BLACK), Set.of(Scenario.HIRING), false, true, Set.of(), Set.of());
        assertThat(forNoOne.problems()).containsExactly("须至少选择一类适用主体（自然人或法人和非法人组织）");
        Measure cleanRecordOnly = new Measure("M", "某措施", MeasureKind.INCENTIVE, "国办发〔2016〕98号", Set.of(),
                true, Set.of(), Set.of(Scenario.LICENSING), true, true, BOTH, Set.of("RED_VOLUNTEER"));
        assertThat(cleanRecordOnly.problems()).containsExactly("只适用三年无失信记录主体的措施不能限定认定规则");
    }

    @Test
    void aMeasureLimitedToRulesFollowsOnlyThemAndNoEntryUnderNoRule() {
        Measure courtOnly = new Measure("NO_FLIGHTS_TRAINS", "限制乘坐飞机", MeasureKind.RIGHTS_REDUCING,
                "法释〔2015〕17号第三条", Set.of(), true, Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL), false, true,
                BOTH, Set.of("BLACK_COURT_DEFAULTER"));
        assertThat(courtOnly.follows("BLACK_COURT_DEFAULTER")).isTrue();
        assertThat(courtOnly.follows("BLACK_SERIOUS_ILLEGAL")).isFalse();
        assertThat(courtOnly.follows(null)).isFalse();
        assertThat(measure(MeasureKind.MANAGEMENT, "国办发〔2019〕35号", Set.of(ListType.BLACK),
                Set.of(Scenario.INSPECTION), false).follows(null)).as("limited to no rule").isTrue();
    }

    @Test
    void anIncentiveForACleanRecordGoesOnlyToTheKindsOfSubjectItNames() {
        Measure depositFree = new Measure("DEPOSIT_FREE", "免押金", MeasureKind.INCENTIVE, "国办发〔2016〕98号",
                Set.of(), true, Set.of(), Set.of(Scenario.SOCIAL_SERVICE), true, true, Set.of(SubjectKind.PERSON),
                Set.of());
        assertThat(depositFree.appliesToCleanRecord(SubjectKind.PERSON, Scenario.SOCIAL_SERVICE, "X")).isTrue();
        assertThat(depositFree.appliesToCleanRecord(SubjectKind.ORGANISATION, Scenario.SOCIAL_SERVICE, "X")).isFalse();
    }

    private static Measure implementedBy(Set<String> departments, boolean allDepartments) {
        return new Measure("NO_PUBLIC_BIDDING", "限制参与政府采购", MeasureKind.RIGHTS_REDUCING, "《政府采购法》第二十二条",
                departments, allDepartments, Set.of(ListType.BLACK), Set.of(Scenario.BIDDING), false, true, BOTH,
                Set.of());
    }

    /**
     * RULES.md §7: a measure has its implementing departments; only their checks are answered it. Every department
     * only when the office chose so; a measure naming none is not every department's by omission, it is refused.
     */
    @Test
    void aMeasureAppliesOnlyToTheDepartmentsItNamesOrToEveryOneWhenChosenExplicitly() {
        Measure named = implementedBy(Set.of("FINANCE", "PUBLIC_RESOURCES"), false);
        assertThat(named.problems()).isEmpty();
        assertThat(named.appliesTo(ListType.BLACK, "R", SubjectKind.PERSON, Scenario.BIDDING, "FINANCE")).isTrue();
        assertThat(named.appliesTo(ListType.BLACK, "R", SubjectKind.PERSON, Scenario.BIDDING, "HRSS")).isFalse();
        assertThat(named.implementedBy(null)).isFalse();

        Measure everyDepartment = implementedBy(Set.of(), true);
        assertThat(everyDepartment.problems()).isEmpty();
        assertThat(everyDepartment.implementedBy("HRSS")).isTrue();

        Measure none = implementedBy(Set.of(), false);
        assertThat(none.implementedBy("HRSS")).as("not every department's by omission").isFalse();
        assertThat(none.problems()).containsExactly("须至少选择一个实施部门，或明确选择「所有部门」");
        assertThat(implementedBy(Set.of("FINANCE"), true).problems()).containsExactly("选择「所有部门」时不再另选实施部门");
    }

    /** 法释〔2015〕17号 第三条第二款 (review xxv H2): a measure on responsible persons rests on a basis of its own. */
    @Test
    void aMeasureOnResponsiblePersonsNeedsItsOwnBasisAListAndToFallOnPersons() {
        Measure noBasis = new Measure("NO_FLIGHTS_TRAINS", "限制乘坐飞机", MeasureKind.RIGHTS_REDUCING, "第三条",
                Set.of(), true, Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL), false, true, BOTH, Set.of(), null,
                true, " ");
        assertThat(noBasis.problems()).containsExactly("适用于单位负责人的措施须写明其法律依据");
        Measure organisationsOnly = new Measure("M", "某措施", MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(), true,
                Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL), false, true, Set.of(SubjectKind.ORGANISATION),
                Set.of(), null, true, "法释〔2015〕17号第三条第二款");
        assertThat(organisationsOnly.problems()).containsExactly("适用于单位负责人的措施须适用于自然人");
        Measure reaching = new Measure("M", "某措施", MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(), true,
                Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL), false, true, BOTH, Set.of(), null, true,
                "法释〔2015〕17号第三条第二款");
        assertThat(reaching.problems()).isEmpty();
        assertThat(reaching.appliesToResponsiblePerson(ListType.BLACK, null, Scenario.TRAVEL, "ANY", null)).isTrue();
        assertThat(reaching.appliesToResponsiblePerson(ListType.BLACK, null, Scenario.HIRING, "ANY", null)).isFalse();
        assertThat(measure(MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL),
                false).appliesToResponsiblePerson(ListType.BLACK, null, Scenario.TRAVEL, "ANY", null))
                .as("not extended to them").isFalse();
        assertThat(new Measure("M", "某措施", MeasureKind.RIGHTS_REDUCING, "某法规", Set.of(), true,
                Set.of(ListType.BLACK), Set.of(Scenario.TRAVEL), false, true, BOTH, Set.of(), null, false, "忽略")
                .responsiblePersonsBasis()).as("no basis kept for what it does not do").isNull();
    }
}
