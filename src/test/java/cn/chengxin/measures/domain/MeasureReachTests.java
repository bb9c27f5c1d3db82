package cn.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.chengxin.listing.ListType;
import cn.chengxin.measures.Scenario;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §7 (the notice names the measures; review xxv H7): what a change adds to a measure reaches only the entries
 * that take effect from the day after its approval; what it takes away reaches every entry at once.
 */
class MeasureReachTests {

    private static final LocalDate LISTED = LocalDate.of(2026, 3, 1);
    private static final LocalDate APPROVED = LocalDate.of(2026, 6, 10);
    private static final LocalDate FROM = MeasureReach.appliesFrom(APPROVED);
    private static final SubjectKind PERSON = SubjectKind.PERSON;

    private static MeasureReach.Version version(LocalDate from, boolean enabled, Set<ListType> lists,
                                                Set<String> rules, Set<Scenario> scenarios) {
        return new MeasureReach.Version(from, enabled, lists, rules, scenarios, Set.of(PERSON));
    }

    private static final MeasureReach.Version BLACK_HIRING = version(null, true, Set.of(ListType.BLACK), Set.of(),
            Set.of(Scenario.HIRING));

    @Test
    void aWideningAppliesFromTheDayAfterItsApprovalOnly() {
        assertThat(FROM).isEqualTo(LocalDate.of(2026, 6, 11));
        MeasureReach widened = new MeasureReach(List.of(BLACK_HIRING, version(FROM, true,
                Set.of(ListType.BLACK, ListType.GREY), Set.of(), Set.of(Scenario.HIRING, Scenario.TITLES))));

        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED))
                .as("what reached it on its day still does").isTrue();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.TITLES, LISTED))
                .as("a scenario added after it took effect").isFalse();
        assertThat(widened.reaches(ListType.GREY, "R", PERSON, Scenario.HIRING, LISTED))
                .as("a list added after it took effect").isFalse();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.TITLES, APPROVED))
                .as("an entry of the approval day was told before the change").isFalse();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.TITLES, FROM)).isTrue();
        assertThat(widened.reaches(ListType.GREY, "R", PERSON, Scenario.HIRING, FROM.plusYears(1))).isTrue();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, null, LISTED)).as("in some scenario, for the notice")
                .isTrue();
        assertThat(widened.reaches(ListType.GREY, "R", PERSON, null, LISTED)).isFalse();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, null))
                .as("a day unknown keeps what reached every entry").isTrue();
        assertThat(widened.reaches(ListType.BLACK, "R", PERSON, Scenario.TITLES, null)).isFalse();
    }

    @Test
    void aMeasureSwitchedOnLaterReachesNoEntryListedBeforeAndOneSwitchedOffStopsForEveryEntryAtOnce() {
        MeasureReach.Version off = version(null, false, Set.of(ListType.BLACK), Set.of(), Set.of(Scenario.HIRING));
        MeasureReach switchedOn = new MeasureReach(List.of(off, version(FROM, true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.HIRING))));
        assertThat(switchedOn.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED)).isFalse();
        assertThat(switchedOn.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, FROM)).isTrue();

        MeasureReach switchedOff = new MeasureReach(List.of(BLACK_HIRING, version(FROM, false,
                Set.of(ListType.BLACK), Set.of(), Set.of(Scenario.HIRING))));
        assertThat(switchedOff.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED)).isFalse();
        assertThat(switchedOff.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, FROM)).isFalse();

        MeasureReach onAgain = new MeasureReach(List.of(BLACK_HIRING, version(FROM, false, Set.of(ListType.BLACK),
                Set.of(), Set.of(Scenario.HIRING)), version(FROM.plusMonths(1), true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.HIRING))));
        assertThat(onAgain.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED))
                .as("switched on again, it does not return to the entries listed before").isFalse();
        assertThat(onAgain.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, FROM.plusMonths(1))).isTrue();
    }

    @Test
    void aNarrowingAppliesAtOnceAndARuleLimitLiftedReachesOtherRulesOnlyFromItsDay() {
        MeasureReach courtOnly = new MeasureReach(List.of(version(null, true, Set.of(ListType.BLACK),
                Set.of("COURT"), Set.of(Scenario.TRAVEL))));
        MeasureReach lifted = new MeasureReach(List.of(courtOnly.versions().get(0), version(FROM, true,
                Set.of(ListType.BLACK), Set.of(), Set.of(Scenario.TRAVEL))));
        assertThat(lifted.reaches(ListType.BLACK, "COURT", PERSON, Scenario.TRAVEL, LISTED)).isTrue();
        assertThat(lifted.reaches(ListType.BLACK, "TAX", PERSON, Scenario.TRAVEL, LISTED)).isFalse();
        assertThat(lifted.reaches(ListType.BLACK, null, PERSON, Scenario.TRAVEL, LISTED)).isFalse();
        assertThat(lifted.reaches(ListType.BLACK, "TAX", PERSON, Scenario.TRAVEL, FROM)).isTrue();

        MeasureReach limited = new MeasureReach(List.of(version(null, true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.TRAVEL)), version(FROM, true, Set.of(ListType.BLACK), Set.of("COURT"),
                Set.of(Scenario.TRAVEL))));
        assertThat(limited.reaches(ListType.BLACK, "TAX", PERSON, Scenario.TRAVEL, LISTED))
                .as("a rule limit added reaches old entries at once").isFalse();
        assertThat(limited.reaches(ListType.BLACK, "COURT", PERSON, Scenario.TRAVEL, LISTED)).isTrue();
    }

    @Test
    void aMeasureNotRecordedReachesAsItSaysAndOneRecordedOnlyAfterAnEntryDoesNotReachIt() {
        assertThat(MeasureReach.UNRECORDED.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED)).isTrue();
        MeasureReach added = new MeasureReach(List.of(version(FROM, true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.HIRING))));
        assertThat(added.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, LISTED)).isFalse();
        assertThat(added.reaches(ListType.BLACK, "R", PERSON, Scenario.HIRING, FROM)).isTrue();
    }

    @Test
    void theCataloguePageIsToldWhatReachesOnlyEntriesFromADay() {
        assertThat(new MeasureReach(List.of(BLACK_HIRING)).widenings()).as("as it always stood").isEmpty();
        MeasureReach widened = new MeasureReach(List.of(BLACK_HIRING, version(FROM, true,
                Set.of(ListType.BLACK, ListType.GREY), Set.of(), Set.of(Scenario.HIRING, Scenario.TITLES)),
                version(FROM.plusDays(5), true, Set.of(ListType.BLACK, ListType.GREY), Set.of("COURT"),
                        Set.of(Scenario.HIRING, Scenario.TITLES))));
        assertThat(widened.widenings()).containsExactly(
                new MeasureReach.Since(MeasureReach.Aspect.LIST, "GREY", FROM),
                new MeasureReach.Since(MeasureReach.Aspect.SCENARIO, "TITLES", FROM));
        MeasureReach onAgain = new MeasureReach(List.of(BLACK_HIRING, version(FROM, false, Set.of(ListType.BLACK),
                Set.of(), Set.of(Scenario.HIRING)), version(FROM.plusDays(1), true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.HIRING))));
        assertThat(onAgain.widenings()).containsExactly(
                new MeasureReach.Since(MeasureReach.Aspect.MEASURE, null, FROM.plusDays(1)));
    }

    /** Review xxv H2: extending a measure to responsible persons is a widening as any other (RULES.md §7). */
    @Test
    void responsiblePersonsAreReachedOnlyByStatesThatExtendToThemAndAnExtensionOnlyFromItsDay() {
        MeasureReach.Version without = new MeasureReach.Version(null, true, Set.of(ListType.BLACK), Set.of("R"),
                Set.of(Scenario.TRAVEL), Set.of(PERSON, SubjectKind.ORGANISATION), false);
        MeasureReach.Version with = new MeasureReach.Version(FROM, true, Set.of(ListType.BLACK), Set.of("R"),
                Set.of(Scenario.TRAVEL), Set.of(PERSON, SubjectKind.ORGANISATION), true);
        MeasureReach extended = new MeasureReach(List.of(without, with));

        assertThat(extended.reachesResponsiblePersons(ListType.BLACK, "R", Scenario.TRAVEL, FROM)).isTrue();
        assertThat(extended.reachesResponsiblePersons(ListType.BLACK, "R", Scenario.TRAVEL, LISTED))
                .as("an organisation listed before the extension: its notice named none for them").isFalse();
        assertThat(extended.reaches(ListType.BLACK, "R", SubjectKind.ORGANISATION, Scenario.TRAVEL, LISTED))
                .as("the organisation itself still is").isTrue();
        assertThat(extended.reachesResponsiblePersons(ListType.BLACK, "OTHER", Scenario.TRAVEL, FROM)).isFalse();
        assertThat(extended.reachesResponsiblePersons(ListType.BLACK, "R", Scenario.HIRING, FROM)).isFalse();
        assertThat(new MeasureReach(List.of(with, without)).reachesResponsiblePersons(ListType.BLACK, "R",
                Scenario.TRAVEL, FROM.plusDays(5))).as("withdrawn from them: at once").isFalse();
        assertThat(new MeasureReach(List.of(new MeasureReach.Version(null, true, Set.of(ListType.BLACK), Set.of(),
                Set.of(Scenario.TRAVEL), Set.of(SubjectKind.ORGANISATION), true)))
                .reachesResponsiblePersons(ListType.BLACK, "R", Scenario.TRAVEL, LISTED))
                .as("a measure for organisations only falls on no person").isFalse();
        assertThat(extended.widenings()).contains(new MeasureReach.Since(MeasureReach.Aspect.RESPONSIBLE_PERSONS,
                null, FROM));
    }
}
