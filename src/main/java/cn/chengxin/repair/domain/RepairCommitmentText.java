package cn.chengxin.repair.domain;

import java.time.LocalDate;

/**
 * The public credit commitment (信用承诺书) a repair applicant signs (RULES.md §6: one of the conditions of every
 * repair; 《信用修复管理办法》). Generated from the record so the applicant signs what applies to them; the identity
 * number appears masked, because the text is kept and may be published.
 */
public final class RepairCommitmentText {

    private RepairCommitmentText() {
    }

    public static String of(String name, String maskedNumber, String itemName, String decisionNumber,
                            LocalDate decisionDate, String city) {
        return """
                信用承诺书

                本人%s（证件号码 %s）就%s（决定文书号：%s，决定日期：%s）申请信用修复，郑重承诺：
                一、本人已纠正失信行为，依法履行了相关决定确定的法定责任和义务，社会不良影响已基本消除；
                二、本人提交的申请材料真实、准确、完整，不存在虚假、隐瞒或误导；
                三、本人自觉遵守法律法规，诚实守信，不再发生同类失信行为；
                四、本人同意将本承诺书在%s公共信用信息平台公开，接受社会监督；如违反承诺，愿意承担相应法律责任，
                    并同意将违背承诺的情况记入本人信用档案，依法依规接受失信约束。

                承诺人：%s
                """.formatted(name, maskedNumber, itemName, decisionNumber == null ? "—" : decisionNumber,
                decisionDate == null ? "—" : decisionDate.toString(), city, name);
    }
}
