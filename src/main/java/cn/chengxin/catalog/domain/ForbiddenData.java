package cn.chengxin.catalog.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Information that must not be collected (RULES.md §2; 征信业管理条例 Art. 14): religion, genes,
 * fingerprints, blood type, disease and medical history; income, deposits, securities, insurance, real
 * estate and tax amounts (only with the subject's written consent, which a public credit catalogue does not
 * have). A field whose name or label speaks of any of these cannot be defined.
 */
public final class ForbiddenData {

    /** Keyword → what it is, in the words of the rule. */
    private static final List<String[]> KEYWORDS = List.of(
            new String[] {"宗教", "宗教信仰"}, new String[] {"信仰", "宗教信仰"}, new String[] {"religio", "宗教信仰"},
            new String[] {"教派", "宗教信仰"},
            new String[] {"基因", "基因"}, new String[] {"gene", "基因"}, new String[] {"dna", "基因"},
            new String[] {"指纹", "指纹"}, new String[] {"fingerprint", "指纹"},
            new String[] {"血型", "血型"}, new String[] {"blood_type", "血型"}, new String[] {"bloodtype", "血型"},
            new String[] {"blood_group", "血型"}, new String[] {"bloodgroup", "血型"},
            new String[] {"疾病", "疾病和病史"}, new String[] {"病史", "疾病和病史"}, new String[] {"病历", "疾病和病史"},
            new String[] {"诊断", "疾病和病史"}, new String[] {"disease", "疾病和病史"},
            new String[] {"medical", "疾病和病史"}, new String[] {"diagnos", "疾病和病史"},
            new String[] {"患病", "疾病和病史"}, new String[] {"病情", "疾病和病史"}, new String[] {"illness", "疾病和病史"},
            new String[] {"sickness", "疾病和病史"},
            new String[] {"收入", "个人收入"}, new String[] {"income", "个人收入"}, new String[] {"salary", "个人收入"},
            new String[] {"工资", "个人收入"}, new String[] {"年薪", "个人收入"}, new String[] {"月薪", "个人收入"},
            new String[] {"薪资", "个人收入"}, new String[] {"薪酬", "个人收入"}, new String[] {"earnings", "个人收入"},
            new String[] {"存款", "存款"}, new String[] {"deposit", "存款"},
            new String[] {"有价证券", "有价证券"}, new String[] {"securities", "有价证券"}, new String[] {"股票", "有价证券"},
            new String[] {"商业保险", "商业保险"}, new String[] {"insurance", "商业保险"},
            new String[] {"不动产", "不动产"}, new String[] {"房产", "不动产"}, new String[] {"real_estate", "不动产"},
            new String[] {"名下住房", "不动产"}, new String[] {"房屋所有权", "不动产"}, new String[] {"property_owned", "不动产"},
            new String[] {"纳税数额", "纳税数额"}, new String[] {"纳税额", "纳税数额"}, new String[] {"纳税金额", "纳税数额"},
            new String[] {"tax_amount", "纳税数额"}, new String[] {"tax_paid", "纳税数额"},
            new String[] {"taxes_paid", "纳税数额"});

    private ForbiddenData() {
    }

    /** What forbidden data the field would hold, if any: by its name, its label, or one of its choices. */
    public static Optional<String> in(FieldDefinition field) {
        String text = (field.name() + " " + field.label() + " " + String.join(" ", field.choices()))
                .toLowerCase(Locale.ROOT);
        return KEYWORDS.stream().filter(k -> text.contains(k[0])).map(k -> k[1]).findFirst();
    }

    /** The same check for free text in a record (a content value mentioning such data is not refused). */
    public static Optional<String> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return KEYWORDS.stream().filter(k -> lower.contains(k[0])).map(k -> k[1]).findFirst();
    }
}
