package cn.chengxin.portal.content.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.chengxin.subject.domain.UnifiedSocialCreditCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What names a person in a typical case is refused (F9, RULES.md §10); the ordinary words of a case are not. */
class PersonalDetailsTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "王小明，男，1985年生，住驿城区某小区。",
            "被执行人王小明，男，汉族。",
            "当事人李娜（女，1990年5月生）拒不履行。",
            "张某的妻子李娜，女，经营一家小店。",
            "欧阳明月，1978年出生，系该公司法定代表人。",
            "赵四，住驿城区幸福路88号。",
            "联系电话13812345678。",
            "联系电话 138 1234 5678。",
            "联系电话１３８１２３４５６７８。",
            "持护照E12345678入境。",
            "护照号码EA1234567。",
            "往来港澳通行证C12345678。",
            "回乡证H12345678。",
            "台胞证号码：12345678。",
            "外国人永久居留证ABC123456789012。"
    })
    void aDetailThatNamesAPersonIsFound(String text) {
        assertThat(PersonalDetails.in(text)).as(text).isPresent();
    }

    @Test
    void aSoleTradersCodeIsFoundAndACompanysIsNot() {
        String soleTrader = withCheck("92411702MA1234567");
        String company = withCheck("91411702MA1234567");
        assertThat(PersonalDetails.in("个体工商户（统一社会信用代码" + soleTrader + "）")).isPresent();
        assertThat(PersonalDetails.in("某公司（统一社会信用代码" + company + "）")).isEmpty();
        String wrongCheck = soleTrader.substring(0, 17) + (soleTrader.charAt(17) == '0' ? '1' : '0');
        assertThat(PersonalDetails.in("编号" + wrongCheck)).as("not a code").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "王某，男，1985年生，住驿城区某小区。",
            "被执行人王某某，男，汉族，住驿城区。",
            "当事人李*（女，1990年5月生）拒不履行。",
            "驻马店市某建设有限公司，住所地驿城区开源大道。",
            "河南天中建设有限公司，住所地驿城区开源大道88号。",
            "会议期间，住宿费用按市里标准报销。",
            "该小区，住户反映问题较多。",
            "男女平等，一男一女。",
            "其中，男职工120人，女职工80人。",
            "截至2023年，2024年生效的规定共十项。",
            "（2023）豫1702执1234号执行裁定书。",
            "罚款人民币20000元，合同金额1380000元。",
            "统一社会信用代码91411702MA4567890X的企业。",
            "G107国道，G4京港澳高速。",
            "本案涉及金额较大，影响恶劣。"
    })
    void ordinaryTextOfACaseIsNotRefused(String text) {
        assertThat(PersonalDetails.in(text)).as(text).isEmpty();
    }

    @Test
    void theRefusalNamesTheFieldWhatWasFoundAndWhere() {
        assertThatThrownBy(() -> PersonalDetails.requireNone("body", "正文", "案情简介：王小明，男。"))
                .isInstanceOfSatisfying(PersonalDetails.NamesAPerson.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("CASE_NAMES_A_PERSON");
                    assertThat(refusal.field()).isEqualTo("body");
                    assertThat(refusal.found().position()).isEqualTo(6);
                    assertThat(refusal.getMessage()).contains("正文", "第6个字", "未脱敏的姓名");
                });
        PersonalDetails.requireNone("body", "正文", "王某，男。");
    }

    private static String withCheck(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharFor(first17);
    }
}
