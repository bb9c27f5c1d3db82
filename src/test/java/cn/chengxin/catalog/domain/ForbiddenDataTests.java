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
     * RULES.md §2 (征信业管理条例 Art. 14) lists kinds of data, not words: each kind is refused by its other common
     * names, in traditional characters, in full-width letters, with spaces or invisible characters inside a Chinese
     * term, and in a camel-case English label.
     */
    @ParameterizedTest
    @CsvSource({
            "x, 是否基督徒, 宗教信仰",
            "x, 佛教信众, 宗教信仰",
            "x, 伊斯兰教, 宗教信仰",
            "x, 遗传信息, 基因",
            "x, 染色体检测, 基因",
            "x, 既往史, 疾病和病史",
            "x, 住院记录, 疾病和病史",
            "x, 健康档案, 疾病和病史",
            "x, 年终奖, 个人收入",
            "x, 存折号, 存款",
            "x, 持有债券, 有价证券",
            "x, 证券持有情况, 有价证券",
            "x, 保险单号, 商业保险",
            "x, 商业医疗保险, 商业保险",
            "x, 房屋套数, 不动产",
            "x, 名下房地产, 不动产",
            "x, 个人所得税已缴税款, 纳税数额",
            "x, 纳税总额, 纳税数额",
            "x, 已缴税款, 纳税数额",
            "x, 指紋, 指纹",
            "x, 病歷, 疾病和病史",
            "x, 工資, 个人收入",
            "x, 儲蓄, 存款",
            "x, 有價證券, 有价证券",
            "x, 商業保險, 商业保险",
            "x, 不動產, 不动产",
            "x, 納稅金額, 纳税数额",
            "x, ＤＮＡ样本, 基因",
            "x, 血 型, 血型",
            "x, 收　入, 个人收入",
            "x, 存​款, 存款",
            "x, BloodType, 血型",
            "x, AnnualIncome, 个人收入",
            "x, Account balance, 存款",
            "x, Insurance policies, 商业保险",
            "x, Real property, 不动产",
            "x, Tax amounts, 纳税数额",
            "x, Stock holdings, 有价证券",
            "x, Genotype, 基因",
            "x, Illnesses, 疾病和病史",
            "x, Remuneration, 个人收入",
            "home_ownership, 其他, 不动产"})
    void everyKindTheRuleListsIsFoundByItsCommonVariants(String name, String label, String what) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).hasValue(what);
    }

    /** Terms are read within the name, the label or one choice: a Chinese term is not made across two of them. */
    @Test
    void aTermIsNotMadeAcrossTheLabelAndAChoice() {
        FieldDefinition arrears = new FieldDefinition("arrears", "拖欠", FieldType.CHOICE, false, 0,
                List.of("工资", "货款"));
        assertThat(ForbiddenData.in(arrears)).hasValue("个人收入");
        FieldDefinition split = new FieldDefinition("status", "收", FieldType.CHOICE, false, 0, List.of("入库"));
        assertThat(ForbiddenData.in(split)).isEmpty();
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

    /** The person's own income, savings, health and faith stay refused, however plainly named. */
    @ParameterizedTest
    @CsvSource({
            "x, 个人收入, 个人收入",
            "x, 月收入, 个人收入",
            "x, 工资收入, 个人收入",
            "x, 工资, 个人收入",
            "x, 年薪, 个人收入",
            "x, 存款余额, 存款",
            "x, 疾病史, 疾病和病史",
            "x, 诊断结果, 疾病和病史",
            "x, 病历, 疾病和病史",
            "x, 诊断证明, 疾病和病史",
            "x, 血型, 血型",
            "x, 宗教信仰, 宗教信仰",
            "x, 名下房产, 不动产",
            "income, 其他, 个人收入",
            "salary, 其他, 个人收入",
            "medical_history, 其他, 疾病和病史",
            "deposit_balance, 其他, 存款",
            "disease_control_status, 其他, 疾病和病史",
            "x, 是否患有传染病, 疾病和病史",
            "x, 薪水, 个人收入",
            "x, 月薪金, 个人收入",
            "x, 储蓄余额, 存款",
            "x, 证券账户, 有价证券",
            "x, 寿险保单, 商业保险",
            "x, 名下房屋, 不动产",
            "x, 缴税金额, 纳税数额",
            "x, 信教情况, 宗教信仰",
            "x, 艾滋病感染, 疾病和病史",
            "wages, 其他, 个人收入",
            "savings, 其他, 存款"})
    void thePersonsOwnForbiddenDataIsStillRefused(String name, String label, String what) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).hasValue(what);
    }

    /**
     * An act, an obligation, a penalty or an authority that merely contains a forbidden word is public credit
     * information: wage arrears (保障农民工工资支付条例 Art. 48), forged medical papers (医疗保障基金使用监督管理条例
     * Art. 40), confiscated illegal gains (行政处罚法 Art. 28), illegal fund-raising and a waived deposit (RULES.md §7,
     * §8), the disease-control authority, real-estate agents (RULES.md §1).
     */
    @ParameterizedTest
    @CsvSource({
            "amount, 拖欠工资金额（元）",
            "amount, 欠薪金额（元）",
            "act, 克扣工资",
            "act, 克扣农民工工资",
            "amount, 拖欠农民工工资（元）",
            "staff, 拖欠职工工资人数",
            "amount, 拖欠劳动者工资总额",
            "amount, 欠付工资",
            "amount, 欠发工资月数",
            "account, 未开设农民工工资专用账户",
            "bond, 工资保证金存储情况",
            "act, 伪造诊断证明",
            "act, 虚假诊断证明",
            "act, 变造诊断证明",
            "act, 伪造病历",
            "act, 变造病历",
            "act, 虚假病历",
            "amount, 没收违法收入（元）",
            "amount, 非法收入",
            "amount, 非法吸收公众存款金额（元）",
            "authority, 市疾病预防控制中心",
            "authority, 疾病预防控制机构",
            "agency, 房产中介机构",
            "agent, 房产经纪人员",
            "benefit, 免押金",
            "unpaid_salary, 其他",
            "unpaid_salaries, 其他",
            "salary_arrears, 其他",
            "illegal_income, 其他",
            "unlawful_income, 其他",
            "illicit_income, 其他",
            "forged_diagnosis_certificate, 其他",
            "false_diagnosis, 其他",
            "forged_medical_record, 其他",
            "forged_medical_records, 其他",
            "false_medical_record, 其他",
            "false_medical_records, 其他",
            "deposit_free, 其他",
            "deposit_waived, 其他",
            "deposit_waiver, 其他",
            "deposit_exempt, 其他",
            "deposit_exemption, 其他",
            "waived_deposit, 其他",
            "public_deposits_taken, 其他",
            "centre, Center for Disease Control and Prevention",
            "centre, Disease prevention and control centre",
            "real_estate_agent, 其他",
            "real_estate_agents, 其他",
            "real_estate_agency, 其他",
            "real_estate_broker, 其他",
            "deposit_free_deposit_waived, 其他",
            "act, 违反传染病防治法",
            "act, 拒不执行传染病防控措施",
            "amount, 拖欠薪水金额（元）",
            "unpaid_wages, 其他",
            "heritage, 非遗传承人",
            "act, 证券期货市场严重违法失信",
            "act, 房地产开发企业",
            "act, 偷税少缴税款",
            "act, 纳税信用等级",
            "tax_type, 欠缴个人所得税",
            "commitment, Good faith commitment",
            "act, 未为职工投保意外伤害保险"})
    void anActOrObligationThatMerelyContainsAForbiddenWordIsAccepted(String name, String label) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).isEmpty();
    }

    /** Only the allowed compound is masked: a forbidden term beside it, even touching it, is still found. */
    @ParameterizedTest
    @CsvSource({
            "x, 拖欠工资及个人收入, 个人收入",
            "x, 拖欠工资收入, 个人收入",
            "x, 违法收入和月收入, 个人收入",
            "x, 伪造诊断证明及病历, 疾病和病史",
            "x, 免押金及存款余额, 存款",
            "x, 疾病预防控制中心诊断结果, 疾病和病史",
            "illegal_income_and_income, 其他, 个人收入",
            "deposit_waived_deposits, 其他, 存款",
            "unpaid_salary_salary, 其他, 个人收入"})
    void aFieldWithAnAllowedCompoundAndAForbiddenTermIsRefused(String name, String label, String what) {
        assertThat(ForbiddenData.in(FieldDefinition.text(name, label, false))).hasValue(what);
    }

    @Test
    void anAllowedLabelDoesNotCoverAForbiddenChoice() {
        FieldDefinition arrears = new FieldDefinition("arrears", "拖欠工资", FieldType.CHOICE, false, 0,
                List.of("已结清", "月工资"));
        assertThat(ForbiddenData.in(arrears)).hasValue("个人收入");
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
