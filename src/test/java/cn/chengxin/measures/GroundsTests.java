package cn.chengxin.measures;

import java.util.List;
import java.util.Set;

import cn.chengxin.listing.ListType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a subject's entries a measure rests on, and when it is disputed (RULES.md §5, §7). */
class GroundsTests {

    private static final Measure closerSupervision = new Measure("CLOSER_SUPERVISION", "列为重点监管对象",
            MeasureKind.MANAGEMENT, "国办发〔2019〕35号", Set.of(), Set.of(ListType.BLACK, ListType.GREY),
            Set.of(Scenario.INSPECTION), false, true);

    private static CheckResult.Entry entry(String id, ListType list, boolean disputed) {
        return new CheckResult.Entry(id, list.name(), list.label(), null, "某依据", "MARKET", null, null, disputed,
                "信用驻马店");
    }

    private static Grounds groundsAmong(CheckResult.Entry... entries) {
        return Grounds.of(closerSupervision, Scenario.INSPECTION, "MARKET", List.of(entries));
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
        assertThat(Grounds.of(closerSupervision, Scenario.TRAVEL, "MARKET", List.of(entry("b", ListType.BLACK,
                false)))).as("not in the scenario").isNull();
    }
}
