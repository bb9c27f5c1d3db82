package cn.chengxin.catalog.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Information that must not be collected (RULES.md §2; 征信业管理条例 Art. 14): religion, genes,
 * fingerprints, blood type, disease and medical history; income, deposits, securities, commercial insurance, real
 * estate and tax amounts (only with the subject's written consent, which a public credit catalogue does not
 * have). A field whose name or label speaks of any of these cannot be defined.
 *
 * <p>What the article forbids is the person's own health, faith, body and wealth, not every word near them: frauds
 * of social and medical insurance (骗取社会保险待遇, 骗取医疗保障基金) are collected (RULES.md §2 categories, §3 key
 * domains), so "insurance" alone is no commercial insurance and "medical" alone no medical history. Chinese terms are
 * found anywhere in the text; English ones only as whole words of a name or label (general_manager is no gene).
 */
public final class ForbiddenData {

    private static final String RELIGION = "宗教信仰";
    private static final String GENES = "基因";
    private static final String FINGERPRINTS = "指纹";
    private static final String BLOOD_TYPE = "血型";
    private static final String HEALTH = "疾病和病史";
    private static final String INCOME = "个人收入";
    private static final String DEPOSITS = "存款";
    private static final String SECURITIES = "有价证券";
    private static final String INSURANCE = "商业保险";
    private static final String REAL_ESTATE = "不动产";
    private static final String TAX = "纳税数额";

    /** Chinese term → what it is, in the words of the rule; found anywhere in the text. */
    private static final List<String[]> CHINESE = List.of(
            new String[] {"宗教", RELIGION}, new String[] {"信仰", RELIGION}, new String[] {"教派", RELIGION},
            new String[] {"基因", GENES}, new String[] {"指纹", FINGERPRINTS}, new String[] {"血型", BLOOD_TYPE},
            new String[] {"疾病", HEALTH}, new String[] {"病史", HEALTH}, new String[] {"病历", HEALTH},
            new String[] {"诊断", HEALTH}, new String[] {"患病", HEALTH}, new String[] {"病情", HEALTH},
            new String[] {"医疗记录", HEALTH}, new String[] {"就诊记录", HEALTH}, new String[] {"就医记录", HEALTH},
            new String[] {"诊疗记录", HEALTH}, new String[] {"健康状况", HEALTH},
            new String[] {"收入", INCOME}, new String[] {"工资", INCOME}, new String[] {"年薪", INCOME},
            new String[] {"月薪", INCOME}, new String[] {"薪资", INCOME}, new String[] {"薪酬", INCOME},
            new String[] {"存款", DEPOSITS}, new String[] {"有价证券", SECURITIES}, new String[] {"股票", SECURITIES},
            new String[] {"商业保险", INSURANCE}, new String[] {"人寿保险", INSURANCE}, new String[] {"保单", INSURANCE},
            new String[] {"不动产", REAL_ESTATE}, new String[] {"房产", REAL_ESTATE},
            new String[] {"名下住房", REAL_ESTATE}, new String[] {"房屋所有权", REAL_ESTATE},
            new String[] {"纳税数额", TAX}, new String[] {"纳税额", TAX}, new String[] {"纳税金额", TAX});

    /** English words, or words in sequence, → what they are; found only as whole words. */
    private static final List<String[]> ENGLISH = List.of(
            new String[] {"religion", RELIGION}, new String[] {"religious", RELIGION},
            new String[] {"gene", GENES}, new String[] {"genes", GENES}, new String[] {"genetic", GENES},
            new String[] {"genome", GENES}, new String[] {"dna", GENES},
            new String[] {"fingerprint", FINGERPRINTS}, new String[] {"fingerprints", FINGERPRINTS},
            new String[] {"finger print", FINGERPRINTS},
            new String[] {"blood type", BLOOD_TYPE}, new String[] {"bloodtype", BLOOD_TYPE},
            new String[] {"blood group", BLOOD_TYPE}, new String[] {"bloodgroup", BLOOD_TYPE},
            new String[] {"disease", HEALTH}, new String[] {"diseases", HEALTH}, new String[] {"illness", HEALTH},
            new String[] {"sickness", HEALTH}, new String[] {"diagnosis", HEALTH}, new String[] {"diagnoses", HEALTH},
            new String[] {"diagnosed", HEALTH},
            new String[] {"medical history", HEALTH}, new String[] {"medical record", HEALTH},
            new String[] {"medical records", HEALTH}, new String[] {"medical condition", HEALTH},
            new String[] {"health condition", HEALTH}, new String[] {"health record", HEALTH},
            new String[] {"health records", HEALTH},
            new String[] {"income", INCOME}, new String[] {"salary", INCOME},
            new String[] {"salaries", INCOME}, new String[] {"earnings", INCOME},
            new String[] {"deposit", DEPOSITS}, new String[] {"deposits", DEPOSITS},
            new String[] {"securities", SECURITIES},
            new String[] {"commercial insurance", INSURANCE}, new String[] {"private insurance", INSURANCE},
            new String[] {"life insurance", INSURANCE}, new String[] {"insurance policy", INSURANCE},
            new String[] {"real estate", REAL_ESTATE}, new String[] {"property owned", REAL_ESTATE},
            new String[] {"tax amount", TAX}, new String[] {"tax paid", TAX}, new String[] {"taxes paid", TAX});

    private ForbiddenData() {
    }

    /** What forbidden data the field would hold, if any: by its name, its label, or one of its choices. */
    public static Optional<String> in(FieldDefinition field) {
        return named(field.name() + " " + field.label() + " " + String.join(" ", field.choices()));
    }

    /** The same check for free text. */
    public static Optional<String> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        // Words of names and labels alike, between single spaces: medical_history and "Medical History" both read
        // " medical history ".
        String words = " " + String.join(" ", lower.split("[^a-z0-9]+")).strip() + " ";
        return CHINESE.stream().filter(k -> lower.contains(k[0])).map(k -> k[1]).findFirst()
                .or(() -> ENGLISH.stream().filter(k -> words.contains(" " + k[0] + " ")).map(k -> k[1]).findFirst());
    }
}
