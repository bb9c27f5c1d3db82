package cn.chengxin.measures;

import java.util.List;
import java.util.Set;

import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a subject's entries a measure rests on, and when it is disputed (RULES.md §5, §7). */
class GroundsTests {

    private static final Measure closerSupervision = new Measure("CLOSER_SUPERVISION", "列为重点监管对象",
            MeasureKind.MANAGEMENT, "国办发〔2019〕35号", Set.of(), true, Set.of(ListType.BLACK, ListType.GREY),
            Set.of(Scenario.INSPECTION), false, true, Set.of(SubjectKind.PERSON, SubjectKind.ORGANISATION), Set.of());

    private static final Measure noFlights = new Measure("NO_FLIGHTS_TRAINS", "限制乘坐飞机",
            MeasureKind.RIGHTS_REDUCING, "法释〔2015〕17号第三条", Set.of(), true, Set.of(ListType.BLACK),
            Set.of(Scenario.TRAVEL), false, true, Set.of(SubjectKind.PERSON, SubjectKind.ORGANISATION),
            Set.of("BLACK_COURT_DEFAULTER"));

    private static final Measure noCivilService = new Measure("NO_CIVIL_SERVICE", "不得录用为公务员",
            MeasureKind.RIGHTS_REDUCING, "《公务员法》第二十六条", Set.of(), true, Set.of(ListType.BLACK),
            Set.of(Scenario.HIRING), false, true, Set.of(SubjectKind.PERSON), Set.of());

    private static Grounds.Listed entry(String id, ListType list, boolean disputed) {
        return new Grounds.Listed(id, list, "SOME_RULE", disputed, null);
    }

    private static Grounds groundsAmong(Grounds.Listed... entries) {
        return Grounds.of(closerSupervision, Scenario.INSPECTION, "MARKET", SubjectKind.PERSON, List.of(entries));
    }

    @Test
    void aMeasureRestsOnEveryEntryOnAListItFollowsAndNamesTheGravest() {
        Grounds grounds = groundsAmong(entry("g", ListType.GREY, false), entry("r", ListType.RED, false),
                entry("b", ListType.BLACK, false));

        assertThat(grounds.entryIds()).containsExactly("g", "b");
        assertThat(grounds.gravest()).isEqualTo(ListType.BLACK);
        assertThat(grounds.disputed()).isFalse();
    }

    @Test
    void anUndisputedEntryBesideADisputedOneCarriesTheMeasureWhateverTheObjectionsOutcome() {
        assertThat(groundsAmong(entry("b1", ListType.BLACK, true), entry("b2", ListType.BLACK, false)).disputed())
                .isFalse();
        assertThat(groundsAmong(entry("b", ListType.BLACK, true), entry("g", ListType.GREY, true)).disputed())
                .as("every entry it rests on is disputed").isTrue();
    }

    @Test
    void aMeasureFollowingNoneOfTheSubjectsListsHasNoGrounds() {
        assertThat(groundsAmong(entry("r", ListType.RED, true))).isNull();
        assertThat(Grounds.of(closerSupervision, Scenario.TRAVEL, "MARKET", SubjectKind.PERSON,
                List.of(entry("b", ListType.BLACK, false)))).as("not in the scenario").isNull();
    }

    @Test
    void aMeasureLimitedToARuleRestsOnlyOnThatRulesEntries() {
        Grounds grounds = Grounds.of(noFlights, Scenario.TRAVEL, "MARKET", SubjectKind.PERSON, List.of(
                new Grounds.Listed("tax", ListType.BLACK, "BLACK_TAX_SERIOUS", false, null),
                new Grounds.Listed("court", ListType.BLACK, "BLACK_COURT_DEFAULTER", false, null),
                new Grounds.Listed("hand", ListType.BLACK, null, false, null)));

        assertThat(grounds.entryIds()).as("neither another rule's entry nor one under no rule")
                .containsExactly("court");
        assertThat(Grounds.of(noFlights, Scenario.TRAVEL, "MARKET", SubjectKind.ORGANISATION, List.of(
                new Grounds.Listed("market", ListType.BLACK, "BLACK_SERIOUS_ILLEGAL", false, null))))
                .as("a company on the market regulator's list is no court defaulter").isNull();
    }

    @Test
    void aMeasureForPersonsNeverReachesAnOrganisationAndOneLimitedToNoRuleFollowsEveryEntry() {
        List<Grounds.Listed> marketList = List.of(new Grounds.Listed("m", ListType.BLACK, "BLACK_SERIOUS_ILLEGAL",
                false, null));
        assertThat(Grounds.of(noCivilService, Scenario.HIRING, "HRSS", SubjectKind.ORGANISATION, marketList))
                .isNull();

        Grounds received = Grounds.of(noCivilService, Scenario.HIRING, "HRSS", SubjectKind.PERSON,
                List.of(new Grounds.Listed("411500:list/1", ListType.BLACK, null, false, null)));
        assertThat(received.entryIds()).as("another platform's entry, under no rule of ours")
                .containsExactly("411500:list/1");
    }

    private static final Measure greenChannel = new Measure("GREEN_CHANNEL", "绿色通道", MeasureKind.INCENTIVE,
            "国办发〔2016〕98号", Set.of(), true, Set.of(ListType.RED), Set.of(Scenario.LICENSING), true, true,
            Set.of(SubjectKind.PERSON, SubjectKind.ORGANISATION), Set.of());

    /** RULES.md §7: 守信激励 is not for those under 失信惩戒, whatever red entry they also have. */
    @Test
    void anIncentiveHasNoGroundsWhileABlackOrGreyEntryIsInForce() {
        Grounds.Listed red = entry("r", ListType.RED, false);
        assertThat(Grounds.of(greenChannel, Scenario.LICENSING, "MARKET", SubjectKind.PERSON, List.of(red)).entryIds())
                .containsExactly("r");
        for (ListType punishing : List.of(ListType.BLACK, ListType.GREY)) {
            for (boolean disputed : List.of(false, true)) {
                assertThat(Grounds.of(greenChannel, Scenario.LICENSING, "MARKET", SubjectKind.PERSON,
                        List.of(red, entry("p", punishing, disputed)))).as(punishing + ", disputed " + disputed)
                        .isNull();
            }
        }
        assertThat(Grounds.underPunishment(List.of(red))).isFalse();
    }
}
