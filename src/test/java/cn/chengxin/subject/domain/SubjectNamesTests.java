package cn.chengxin.subject.domain;

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
}
