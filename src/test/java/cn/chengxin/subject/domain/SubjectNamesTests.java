package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectNamesTests {

    @ParameterizedTest(name = "{0} is the registered {1}")
    @CsvSource(delimiter = '|', value = {
            "买买提•艾力|买买提·艾力",
            "买买提‧艾力|买买提·艾力",
            "买买提・艾力|买买提·艾力",
            "买买提･艾力|买买提·艾力",
            "买买提 · 艾力|买买提·艾力",
            "'  冯建军 '|冯建军",
            "驻马店示例科技有限公司(驿城分公司)|驻马店示例科技有限公司（驿城分公司）",
            "ＡＢＣ商贸有限公司|ABC商贸有限公司",
            "JOHN  SMITH|JOHN SMITH"})
    void writingDifferencesAreTheSameName(String row, String registered) {
        assertThat(SubjectNames.same(row, registered)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not the registered {1}")
    @CsvSource(delimiter = '|', value = {
            "买买提艾力|买买提·艾力",
            "冯建君|冯建军",
            "示例科技有限公司|示例科技有限公司（驿城分公司）",
            "JOHNSMITH|JOHN SMITH"})
    void anyOtherDifferenceIsAnotherName(String row, String registered) {
        assertThat(SubjectNames.same(row, registered)).isFalse();
    }

    /**
     * Gaps review xxv H6: after two renames (甲 until 2024-12-31, 乙 from 2025-01-01 to 2025-06-30, 丙 since), a row
     * names the subject by its current name on any day, by a former name on a day of that name's period only.
     */
    @Test
    void aFormerNameNamesTheSubjectOnTheDaysOfItsPeriodOnly() {
        List<FormerName> former = List.of(new FormerName("驿城甲商贸有限公司", null, LocalDate.of(2024, 12, 31)),
                new FormerName("驿城乙商贸有限公司", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
        String current = "驿城丙商贸有限公司";
        assertThat(SubjectNames.match(current, former, "驿城丙商贸有限公司", LocalDate.of(2020, 1, 1)))
                .isEqualTo(SubjectNames.Match.CURRENT);
        assertThat(SubjectNames.match(current, former, "驿城甲商贸有限公司", LocalDate.of(2024, 12, 31)))
                .isEqualTo(SubjectNames.Match.FORMER);
        assertThat(SubjectNames.match(current, former, "驿城甲商贸有限公司", LocalDate.of(2025, 1, 1)))
                .isEqualTo(SubjectNames.Match.OTHER);
        assertThat(SubjectNames.match(current, former, "驿城乙商贸有限公司", LocalDate.of(2024, 12, 31)))
                .isEqualTo(SubjectNames.Match.OTHER);
        assertThat(SubjectNames.match(current, former, "驿城乙商贸有限公司(驿城)", LocalDate.of(2025, 3, 1)))
                .isEqualTo(SubjectNames.Match.OTHER);
        assertThat(SubjectNames.match(current, former, " 驿城乙商贸有限公司 ", LocalDate.of(2025, 6, 30)))
                .isEqualTo(SubjectNames.Match.FORMER);
        assertThat(SubjectNames.match(current, former, "驿城丁商贸有限公司", null)).isEqualTo(SubjectNames.Match.OTHER);
        assertThat(SubjectNames.match(current, former, "驿城甲商贸有限公司", null))
                .as("a revocation without a date: a record already on the subject's file").isEqualTo(SubjectNames.Match.FORMER);
    }

    @Test
    void theNameARenameLeavesHoldsFromTheLastChangeToTheDayBeforeTheNewName() {
        assertThat(NameChanges.leaving("甲", List.of(), LocalDate.of(2025, 1, 1)))
                .isEqualTo(new FormerName("甲", null, LocalDate.of(2024, 12, 31)));
        assertThat(NameChanges.leaving("乙", List.of(new FormerName("甲", null, LocalDate.of(2024, 12, 31))),
                LocalDate.of(2025, 7, 1))).isEqualTo(new FormerName("乙", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 30)));
    }
}
