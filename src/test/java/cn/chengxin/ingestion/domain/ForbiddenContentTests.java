package cn.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chengxin.subject.domain.ResidentIdentityNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenContentTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "当事人宗教信仰：某教 | 宗教信仰",
            "基因检测结果为阳性 | 基因",
            "血型：AB型 | 血型",
            "当事人血型为O型，住院 | 血型",
            "当事人患有高血压 | 疾病和病史",
            "既往病史：糖尿病 | 疾病和病史",
            "月收入为8000元 | 个人收入",
            "工资：12000 | 个人收入",
            "银行存款约50万元 | 存款",
            "持有某公司股票 10 万股 | 有价证券",
            "保单号：P123456 | 商业保险",
            "名下有房产两套 | 不动产",
            "个人所得税额为 3000 元 | 纳税数额",
            "收款卡号 6222020200112233446 | 银行卡号",
            // every literal word the scan looks for before running a rule's pattern (ASCII case ignored)
            "信仰的宗教是某教 | 宗教信仰", "信奉佛教 | 宗教信仰", "皈依天主 | 宗教信仰", "DNA：A123 | 基因",
            "dna为ab12 | 基因", "指纹编码：A1 | 指纹", "系熊猫血 | 血型", "确诊为肺结核 | 疾病和病史",
            "诊断为抑郁症 | 疾病和病史", "病历号 123 | 疾病和病史", "HIV阳性 | 疾病和病史", "hiv阳性 | 疾病和病史",
            "艾滋病感染者 | 疾病和病史", "有精神病史 | 疾病和病史", "薪资：9000 | 个人收入", "薪酬为 5000 | 个人收入",
            "家庭收入约 3 万 | 个人收入", "储蓄为 3 万 | 存款", "账户余额为 100 元 | 存款", "银行余额：8 万 | 存款",
            "持股某公司债券 | 有价证券", "商业保险：某寿险 | 商业保险", "保险金额：10万 | 商业保险",
            "保额为 50 万 | 商业保险", "不动产权证号：X123 | 不动产", "缴税额为 3 万 | 纳税数额",
            "纳税额为 1000 元 | 纳税数额", "纳税数额：200 | 纳税数额"})
    void statementsAboutAPersonsProtectedDataAreFound(String text, String category) {
        assertThat(ForbiddenContent.in(text)).as(text).get().extracting(ForbiddenContent.Finding::category)
                .isEqualTo(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "无照经营", "罚款", "《无证无照经营查处办法》第十三条", "驻马店市市场监督管理局",
            "未按规定报告传染病疫情", "违规销售商业保险产品", "拖欠农民工工资50万元", "非法吸收公众存款达 300 万元",
            "没收违法收入为 2 万元", "消防安全隐患未整改", "未投保机动车交通事故责任强制保险", "医疗机构超范围执业",
            "案号（2025）豫1702执123号", "统一社会信用代码 91411700MA44XXXX1X", "电话 13800000000",
            "伪造诊断证明骗取医疗保障基金 3 万元"})
    void ordinaryRecordTextPasses(String text) {
        assertThat(ForbiddenContent.in(text)).as(text).isEmpty();
    }

    /** Wages in arrears are the employer's debt (保障农民工工资支付条例 Art. 48), however the amount is written. */
    @ParameterizedTest
    @ValueSource(strings = {
            "拖欠工资", "拖欠农民工工资约18万元", "拖欠 12 名农民工工资约 18 万元", "克扣工资为3000元", "拖欠工资：5万元",
            "欠付工资为 2 万元", "欠发工资约 3 万元", "欠薪金额：5万元", "拖欠职工薪酬为 8 万元"})
    void wagesInArrearsAreNoIncome(String text) {
        assertThat(ForbiddenContent.in(text)).as(text).isEmpty();
    }

    /** Only wages owed in the same clause: a person's income stated beside them is still found. */
    @ParameterizedTest
    @ValueSource(strings = {"拖欠工资及个人收入为 5000 元", "拖欠货款；工资：12000", "拖欠货款，月工资为 8000 元",
            "拖欠货款及月工资为 8000 元", "拖欠房租及其工资约 9000 元",
            "工资为 8000 元，拖欠货款"})
    void anIncomeStatedBesideArrearsIsStillFound(String text) {
        assertThat(ForbiddenContent.in(text)).as(text).get().extracting(ForbiddenContent.Finding::category)
                .isEqualTo("个人收入");
    }

    @org.junit.jupiter.api.Test
    void anIdentityNumberInFreeTextIsFoundButAnyLongNumberIsNot() {
        String first17 = "41170219900307123";
        String number = first17 + ResidentIdentityNumber.checkCharFor(first17);
        assertThat(ForbiddenContent.in("同案当事人 " + number + " 一并处罚")).get()
                .extracting(ForbiddenContent.Finding::category).asString().startsWith("公民身份号码");
        char wrong = ResidentIdentityNumber.checkCharFor(first17) == '1' ? '2' : '1';
        assertThat(ForbiddenContent.in("流水号 " + first17 + wrong)).as("a wrong check digit: not an identity number")
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anIdentityNumberWrittenInGroupsIsTheSameNumber() {
        String first17 = "41170219900307123";
        String number = first17 + ResidentIdentityNumber.checkCharFor(first17);
        String grouped = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8, 12) + " "
                + number.substring(12, 16) + " " + number.substring(16);
        assertThat(ForbiddenContent.in("当事人 " + grouped + " 已到案")).get()
                .extracting(ForbiddenContent.Finding::category).asString().startsWith("公民身份号码");
        assertThat(ForbiddenContent.in("证号 " + number.substring(0, 6) + "-" + number.substring(6, 14) + "-"
                + number.substring(14))).isPresent();
        assertThat(ForbiddenContent.in("罚款 2000 元，没收 3000 元，责令改正 15 日，案号 2026 0102 0304"))
                .as("numbers that are not one identity number").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anIdentityNumberInFullWidthDigitsIsTheSameNumber() {
        String first17 = "41170219900307123";
        String number = first17 + ResidentIdentityNumber.checkCharFor(first17);
        StringBuilder fullWidth = new StringBuilder();
        number.chars().forEach(c -> fullWidth.append((char) (c - '0' + '\uFF10')));
        assertThat(ForbiddenContent.in("当事人身份证号" + fullWidth)).get()
                .extracting(ForbiddenContent.Finding::category).asString().startsWith("公民身份号码");
        assertThat(ForbiddenContent.in("血型：ＡＢ")).get().extracting(ForbiddenContent.Finding::category)
                .isEqualTo("血型");
    }

    /**
     * A first-generation number (15 digits, RULES.md §1) is a person's number as much as an 18-character one: in a
     * field it would sit in clear outside the registry's encryption. A 15-digit run whose region or birth date is none
     * is not one.
     */
    @org.junit.jupiter.api.Test
    void aFirstGenerationIdentityNumberInFreeTextIsFoundToo() {
        String legacy = "410102770405123";
        assertThat(ForbiddenContent.in("同案当事人 " + legacy + " 一并处罚")).get()
                .extracting(ForbiddenContent.Finding::category).asString().startsWith("公民身份号码");
        StringBuilder fullWidth = new StringBuilder();
        legacy.chars().forEach(c -> fullWidth.append((char) (c - '0' + '\uFF10')));
        assertThat(ForbiddenContent.in("当事人身份证号" + fullWidth)).isPresent();
        assertThat(ForbiddenContent.in("流水号 990102770405123")).as("no province 99").isEmpty();
        assertThat(ForbiddenContent.in("流水号 410102771305123")).as("no 13th month").isEmpty();
    }
}
