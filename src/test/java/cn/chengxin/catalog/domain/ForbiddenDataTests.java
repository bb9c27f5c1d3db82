package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenDataTests {

    @ParameterizedTest
    @CsvSource({
            "religious_group, 所属教派, 宗教信仰",
            "blood_group, 血液分组, 血型",
            "annual_pay, 年薪, 个人收入",
            "monthly, 月薪, 个人收入",
            "houses, 名下住房, 不动产",
            "illness, 患病情况, 疾病和病史",
            "tax_paid, 纳税金额, 纳税数额"})
    void aFieldThatSpeaksOfForbiddenDataByAnotherWordIsStillFound(String name, String label, String what) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).hasValue(what);
    }

    @Test
    void aChoiceCanNameForbiddenDataToo() {
        FieldDefinition choice = new FieldDefinition("status", "状态", FieldType.CHOICE, false, 0,
                List.of("在岗", "患病休养"));
        assertThat(ForbiddenData.in(choice)).hasValue("疾病和病史");
    }

    @Test
    void noFieldOfTheBaseCatalogueIsForbidden() {
        assertThat(BaseCatalogue.items()).flatMap(ItemDefinition::fields)
                .allSatisfy(f -> assertThat(ForbiddenData.in(f)).as(f.name()).isEmpty());
    }
}
