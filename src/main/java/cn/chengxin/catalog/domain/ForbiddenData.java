package cn.chengxin.catalog.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
 *
 * <p>Nor is an act, an obligation, a penalty or an authority that merely contains a forbidden word: 拖欠工资 is an
 * employer's debt, not anyone's income; 伪造诊断证明 a fraud, not a diagnosis; 违法收入 a gain to be confiscated, not
 * the person's income. Such compound terms ({@link #ALLOWED_CHINESE}, {@link #ALLOWED_ENGLISH}, each with the rule
 * that makes it public credit information) are masked out of the text before the forbidden terms are searched. Only
 * the compound is masked, so a forbidden term beside it is still found: 拖欠工资及个人收入 is refused.
 *
 * <p>The rule names kinds of data, not spellings: a term is found however it is written ({@link #normalised}) —
 * in traditional characters, in full-width letters, with spaces or invisible characters inside it, or in camel case.
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
            new String[] {"信教", RELIGION}, new String[] {"教徒", RELIGION}, new String[] {"遗传病", HEALTH},
            new String[] {"传染病", HEALTH}, new String[] {"患有", HEALTH}, new String[] {"确诊", HEALTH},
            new String[] {"病症", HEALTH}, new String[] {"慢性病", HEALTH}, new String[] {"精神病", HEALTH},
            new String[] {"艾滋病", HEALTH}, new String[] {"体检结果", HEALTH}, new String[] {"体检报告", HEALTH},
            new String[] {"身体状况", HEALTH},
            // Faiths named by name, and the person's genetic and health data by their other common names.
            new String[] {"佛教", RELIGION}, new String[] {"基督", RELIGION}, new String[] {"天主教", RELIGION},
            new String[] {"伊斯兰", RELIGION}, new String[] {"穆斯林", RELIGION}, new String[] {"宗派", RELIGION},
            new String[] {"遗传信息", GENES}, new String[] {"染色体", GENES}, new String[] {"血液型", BLOOD_TYPE},
            new String[] {"既往史", HEALTH}, new String[] {"医疗史", HEALTH}, new String[] {"住院记录", HEALTH},
            new String[] {"健康信息", HEALTH}, new String[] {"健康档案", HEALTH}, new String[] {"就医信息", HEALTH},
            new String[] {"就诊信息", HEALTH},
            new String[] {"收入", INCOME}, new String[] {"工资", INCOME}, new String[] {"年薪", INCOME},
            new String[] {"月薪", INCOME}, new String[] {"薪资", INCOME}, new String[] {"薪酬", INCOME},
            new String[] {"薪水", INCOME}, new String[] {"薪金", INCOME},
            new String[] {"年终奖", INCOME},
            new String[] {"存款", DEPOSITS}, new String[] {"储蓄", DEPOSITS}, new String[] {"账户余额", DEPOSITS},
            new String[] {"银行余额", DEPOSITS}, new String[] {"存折", DEPOSITS},
            new String[] {"有价证券", SECURITIES}, new String[] {"股票", SECURITIES},
            new String[] {"证券账户", SECURITIES}, new String[] {"基金份额", SECURITIES},
            new String[] {"持有证券", SECURITIES}, new String[] {"证券持有", SECURITIES},
            new String[] {"证券资产", SECURITIES}, new String[] {"持有债券", SECURITIES},
            new String[] {"债券持有", SECURITIES}, new String[] {"持有基金", SECURITIES},
            new String[] {"商业保险", INSURANCE}, new String[] {"人寿保险", INSURANCE}, new String[] {"保单", INSURANCE},
            new String[] {"寿险", INSURANCE}, new String[] {"重疾险", INSURANCE}, new String[] {"商业险", INSURANCE},
            new String[] {"保险单", INSURANCE}, new String[] {"商业医疗保险", INSURANCE},
            new String[] {"商业健康保险", INSURANCE}, new String[] {"商业养老保险", INSURANCE},
            new String[] {"人身保险", INSURANCE},
            new String[] {"不动产", REAL_ESTATE}, new String[] {"房产", REAL_ESTATE},
            new String[] {"名下住房", REAL_ESTATE}, new String[] {"房屋所有权", REAL_ESTATE},
            new String[] {"房屋产权", REAL_ESTATE}, new String[] {"名下房屋", REAL_ESTATE},
            new String[] {"房屋套数", REAL_ESTATE}, new String[] {"住房套数", REAL_ESTATE},
            new String[] {"名下房地产", REAL_ESTATE},
            new String[] {"纳税数额", TAX}, new String[] {"纳税额", TAX}, new String[] {"纳税金额", TAX},
            new String[] {"缴税金额", TAX}, new String[] {"缴税数额", TAX}, new String[] {"完税金额", TAX},
            new String[] {"纳税总额", TAX}, new String[] {"缴税总额", TAX},
            new String[] {"已缴税款", TAX}, new String[] {"已纳税款", TAX});

    /** English words, or words in sequence, → what they are; found only as whole words. */
    private static final List<String[]> ENGLISH = List.of(
            new String[] {"religion", RELIGION}, new String[] {"religions", RELIGION},
            new String[] {"religious", RELIGION},
            new String[] {"gene", GENES}, new String[] {"genes", GENES}, new String[] {"genetic", GENES},
            new String[] {"genome", GENES}, new String[] {"dna", GENES}, new String[] {"genotype", GENES},
            new String[] {"genomic", GENES},
            new String[] {"fingerprint", FINGERPRINTS}, new String[] {"fingerprints", FINGERPRINTS},
            new String[] {"finger print", FINGERPRINTS}, new String[] {"finger prints", FINGERPRINTS},
            new String[] {"blood type", BLOOD_TYPE}, new String[] {"bloodtype", BLOOD_TYPE},
            new String[] {"blood group", BLOOD_TYPE}, new String[] {"bloodgroup", BLOOD_TYPE},
            new String[] {"blood types", BLOOD_TYPE}, new String[] {"blood groups", BLOOD_TYPE},
            new String[] {"disease", HEALTH}, new String[] {"diseases", HEALTH}, new String[] {"illness", HEALTH},
            new String[] {"sickness", HEALTH}, new String[] {"diagnosis", HEALTH}, new String[] {"diagnoses", HEALTH},
            new String[] {"diagnosed", HEALTH}, new String[] {"illnesses", HEALTH},
            new String[] {"medical histories", HEALTH}, new String[] {"health status", HEALTH},
            new String[] {"medical history", HEALTH}, new String[] {"medical record", HEALTH},
            new String[] {"medical records", HEALTH}, new String[] {"medical condition", HEALTH},
            new String[] {"health condition", HEALTH}, new String[] {"health record", HEALTH},
            new String[] {"health records", HEALTH},
            new String[] {"hiv", HEALTH},
            new String[] {"income", INCOME}, new String[] {"incomes", INCOME}, new String[] {"salary", INCOME},
            new String[] {"salaries", INCOME}, new String[] {"earnings", INCOME},
            new String[] {"wage", INCOME}, new String[] {"wages", INCOME}, new String[] {"remuneration", INCOME},
            new String[] {"deposit", DEPOSITS}, new String[] {"deposits", DEPOSITS},
            new String[] {"savings", DEPOSITS}, new String[] {"bank balance", DEPOSITS},
            new String[] {"account balance", DEPOSITS}, new String[] {"bank balances", DEPOSITS},
            new String[] {"securities", SECURITIES}, new String[] {"stocks", SECURITIES},
            new String[] {"stock holdings", SECURITIES},
            new String[] {"commercial insurance", INSURANCE}, new String[] {"private insurance", INSURANCE},
            new String[] {"life insurance", INSURANCE}, new String[] {"insurance policy", INSURANCE},
            new String[] {"insurance policies", INSURANCE}, new String[] {"private health insurance", INSURANCE},
            new String[] {"real estate", REAL_ESTATE}, new String[] {"property owned", REAL_ESTATE},
            new String[] {"realestate", REAL_ESTATE}, new String[] {"real property", REAL_ESTATE},
            new String[] {"properties owned", REAL_ESTATE}, new String[] {"home ownership", REAL_ESTATE},
            new String[] {"homeownership", REAL_ESTATE},
            new String[] {"tax amount", TAX}, new String[] {"tax paid", TAX}, new String[] {"taxes paid", TAX},
            new String[] {"tax amounts", TAX}, new String[] {"taxpaid", TAX});

    /**
     * Chinese compound terms that name an act, an obligation, a penalty or an authority, not the person's attribute;
     * found anywhere in the text, and masked out before {@link #CHINESE} is searched.
     */
    private static final List<String> ALLOWED_CHINESE = List.of(
            // Wage arrears, the fact of the 拖欠农民工工资失信联合惩戒对象名单, and the employer's duties against them
            // (保障农民工工资支付条例 Art. 48; its 农民工工资专用账户 and 工资保证金): the employer's debt, no one's income.
            "拖欠农民工工资", "拖欠职工工资", "拖欠劳动者工资", "拖欠工资", "克扣农民工工资", "克扣工资", "欠付工资",
            "欠发工资", "欠薪", "工资专用账户", "工资保证金",
            // Forged medical papers, a fraud of the medical-insurance fund (医疗保障基金使用监督管理条例 Art. 40).
            "伪造诊断证明", "变造诊断证明", "虚假诊断证明", "伪造病历", "变造病历", "虚假病历",
            // Illegal gains that a penalty decision confiscates (行政处罚法 Art. 28: 没收违法所得).
            "违法收入", "非法收入",
            // Illegal fund-raising, a key supervision target (RULES.md §7): the offence, not the person's savings.
            "吸收公众存款",
            // The disease-control authority, a providing department, not a disease; and offences against the control
            // of infectious diseases (传染病防治法 Art. 73 ff.: penalties), not anyone's illness.
            "疾病预防控制中心", "疾病预防控制机构", "传染病防治", "传染病防控",
            // Real-estate agents, a key occupational group (RULES.md §1), not real estate owned.
            "房产中介", "房产经纪");

    /**
     * English words in sequence that name such an act or incentive; found only as whole words, and masked out before
     * {@link #ENGLISH} is searched. A waived deposit is a benefit granted for good credit (RULES.md §8 信用惠民).
     */
    private static final List<String> ALLOWED_ENGLISH = List.of(
            "unpaid salary", "unpaid salaries", "salary arrears", "unpaid wage", "unpaid wages", "wage arrears", "illegal income", "unlawful income", "illicit income",
            "forged diagnosis", "false diagnosis", "forged medical record", "forged medical records",
            "false medical record", "false medical records", "deposit free", "deposit waived", "deposit waiver",
            "deposit exempt", "deposit exemption", "waived deposit", "public deposits",
            "disease control and prevention", "disease prevention and control",
            "real estate agent", "real estate agents", "real estate agency", "real estate broker");

    /**
     * Traditional characters of the terms above, and their simplified forms at the same place: a label written in
     * traditional characters (指紋, 工資, 不動產, 納稅金額) names the same data.
     */
    private static final String TRADITIONAL = "紋歷診斷醫療錄記狀況遺傳確體檢報資儲帳賬戶餘銀價證額險業壽單動產權納稅數繳個癥愛檔債蘭";
    private static final String SIMPLIFIED = "纹历诊断医疗录记状况遗传确体检报资储账账户余银价证额险业寿单动产权纳税数缴个症爱档债兰";

    /** Characters that show nothing: typed (or pasted) into a term, they would hide it. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060\\uFEFF]");

    /** Spaces between two Chinese characters: 血 型 is 血型 (Chinese is written without spaces between words). */
    private static final Pattern SPACE_IN_CHINESE = Pattern.compile("(?<=\\p{IsHan})[\\p{Zs}\\t]+(?=\\p{IsHan})");

    /** A lower-case letter or digit followed by a capital: bloodType and MedicalHistory are two words each. */
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private ForbiddenData() {
    }

    /**
     * What forbidden data the field would hold, if any: by its name, its label, or one of its choices. They are read
     * on separate lines, so that no Chinese term is made of the end of one and the start of the next.
     */
    public static Optional<String> in(FieldDefinition field) {
        return named(field.name() + "\n" + field.label() + "\n" + String.join("\n", field.choices()));
    }

    /**
     * The same check for any text that names data: its words are enough. (A record's content is no name: ingestion
     * checks it for statements about a person, "月收入为 8000 元", not for bare words.)
     */
    public static Optional<String> named(String text) {
        String lower = CAMEL_CASE.matcher(normalised(text)).replaceAll(" ").toLowerCase(Locale.ROOT);
        // Words of names and labels alike, between single spaces: medical_history and "Medical History" both read
        // " medical history ".
        String words = " " + String.join(" ", lower.split("[^a-z0-9]+")).strip() + " ";
        String chinese = masked(lower, ALLOWED_CHINESE, "");
        String english = masked(words, ALLOWED_ENGLISH, " ");
        return CHINESE.stream().filter(k -> chinese.contains(k[0])).map(k -> k[1]).findFirst()
                .or(() -> ENGLISH.stream().filter(k -> english.contains(" " + k[0] + " ")).map(k -> k[1]).findFirst());
    }

    /**
     * The text as its terms are searched in: full-width letters and digits as ASCII (NFKC: ＤＮＡ is DNA), invisible
     * characters dropped, no space between Chinese characters, and the traditional characters of the terms simplified.
     */
    static String normalised(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
        t = SPACE_IN_CHINESE.matcher(INVISIBLE.matcher(t).replaceAll("")).replaceAll("");
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int k = TRADITIONAL.indexOf(c);
            out.append(k < 0 ? c : SIMPLIFIED.charAt(k));
        }
        return out.toString();
    }

    /**
     * The text with each allowed term (between {@code edge}s) replaced by a space, which joins nothing: what stood on
     * either side of the term is read as before. Repeated, as two English terms in a row share the space between them.
     */
    private static String masked(String text, List<String> allowed, String edge) {
        String out = text;
        for (String term : allowed) {
            String whole = edge + term + edge;
            while (out.contains(whole)) {
                out = out.replace(whole, " ");
            }
        }
        return out;
    }
}
