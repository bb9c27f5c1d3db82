package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenDataTests {

    /** 征信业管理条例 Art. 14 forbids the data however a field names it, in Chinese or English. */
    @ParameterizedTest
    @CsvSource({
            "religious_group, 所属教派, 宗教信仰",
            "blood_group, 血液分组, 血型",
            "annual_pay, 年薪, 个人收入",
            "monthly, 月薪, 个人收入",
            "houses, 名下住房, 不动产",
            "illness, 患病情况, 疾病和病史",
            "tax_paid, 纳税金额, 纳税数额",
            "treatment_log, 医疗记录, 疾病和病史",
            "visits, 就诊记录, 疾病和病史",
            "hospital_visits, 就医记录, 疾病和病史",
            "medical_history, 既往情况, 疾病和病史",
            "medical_records, 档案, 疾病和病史",
            "health_condition, 状况, 疾病和病史",
            "genetic_test, 检测, 基因",
            "dna_sample, 样本, 基因",
            "finger_print, 采集, 指纹",
            "religion, 信息, 宗教信仰",
            "policy, Commercial insurance policy, 商业保险",
            "life_insurance, 保单, 商业保险"})
    void aFieldThatSpeaksOfForbiddenDataByAnotherWordIsStillFound(String name, String label, String what) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).hasValue(what);
    }

    /**
     * RULES.md §2/§3 want frauds of social and medical insurance collected: words that name a public insurance, its
     * fund or a medical institution are no medical history and no commercial insurance; nor is a word that merely
     * contains a forbidden one (general is no gene).
     */
    @ParameterizedTest
    @CsvSource({
            "medical_insurance_fund, 骗取医疗保障基金金额（元）",
            "social_insurance_benefit, 骗取的社会保险待遇",
            "insurance_type, 险种",
            "insurance_fraud_amount, 骗保金额（元）",
            "unemployment_insurance, 骗领失业保险金（元）",
            "medical_institution, 定点医疗机构",
            "general_manager, 总经理"})
    void whatNamesAFraudOrAPublicInsuranceIsAccepted(String name, String label) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).isEmpty();
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
