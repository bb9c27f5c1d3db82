package cn.chengxin.ingestion.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.subject.domain.ResidentIdentityNumber;

/**
 * Scans a record's content values for what the platform must not take in (RULES.md §2; 征信业管理条例
 * Art. 14; PIPL Art. 6 minimum necessary): statements of a person's religion, genes, fingerprints, blood
 * type, diseases and medical history, income, deposits, securities, commercial insurance, real estate or tax
 * amounts; and identifiers that belong nowhere in free text — a resident identity number, of 18 characters or
 * a first-generation one of 15 (it would escape the encryption and masking of the subject registry), or a bank
 * card number.
 *
 * <p>The patterns look for a <em>statement about a person</em> ("血型：AB", "月收入 8000 元", "患有…"), not a
 * bare word, so that a penalty for "未按规定报告传染病疫情" or "违规销售商业保险" is not refused.
 */
public final class ForbiddenContent {

    /** A finding: which category, in the words of the rule. */
    public record Finding(String category) {
    }

    /**
     * A pattern and the words every match of it contains. Most values (penalty facts, names of offences) contain
     * none of them, and then the regular expression, the costly part of validating a row, need not run.
     */
    private record Rule(Pattern pattern, String category, List<String> words) {
    }

    /** A statement's separator: "血型：AB", "月收入为 8000" — a bare word next to a number is not enough. */
    private static final String IS = "\\s*[:：为是约达]\\s*";
    private static final String AMOUNT = IS + "(人民币)?\\s*[0-9一二三四五六七八九十百千万]";
    /**
     * Wages owed, withheld or unpaid: "拖欠 12 名农民工工资约 18 万元" states an employer's debt, the fact of the
     * wage-arrears dishonesty list (保障农民工工资支付条例 Art. 48), not anyone's income. Between the verb and the wages
     * only whose they are (a count, the workers) may stand: in "拖欠货款及月工资为 8000 元" the wages are not what is owed.
     */
    private static final String WAGES_IN_ARREARS = "(拖欠|克扣|欠付|欠发)[\\s0-9零一二三四五六七八九十百千万余多名位个]{0,8}"
            + "(农民工|员工|职工|工人|劳动者)?的?";

    private static final List<Rule> STATEMENTS = List.of(
            rule("(宗教信仰|信仰的宗教)" + IS + "\\S|(信奉|皈依)(佛|道|伊斯兰|基督|天主)", "宗教信仰",
                    "宗教信仰", "信仰的宗教", "信奉", "皈依"),
            rule("基因(检测结果|测序结果|序列|信息)" + IS + "\\S|DNA" + IS + "[A-Z0-9]", "基因", "基因", "DNA"),
            rule("指纹(信息|特征|图像|编码|数据)?" + IS + "[A-Z0-9]", "指纹", "指纹"),
            rule("血型" + IS + "?(A|B|AB|O|RH)(型|阴|阳|\\b)|熊猫血", "血型", "血型", "熊猫血"),
            rule("患有|确诊(为|患)|诊断为|既往病史|病史" + IS + "\\S|病历号|HIV阳性|艾滋病(病毒)?(感染者|阳性)|精神病(患者|史)",
                    "疾病和病史", "患有", "确诊", "诊断为", "病史", "病历号", "HIV", "艾滋病", "精神病"),
            rule("(?<!违法)(?<!非法)(月|年|个人|家庭)?收入" + AMOUNT
                    + "|(?<!" + WAGES_IN_ARREARS + ")(月|年|个人|家庭)?(工资|薪资|薪酬)" + AMOUNT, "个人收入",
                    "收入", "工资", "薪资", "薪酬"),
            rule("(?<!公众)(存款|储蓄|银行余额|账户余额)" + AMOUNT, "存款", "存款", "储蓄", "余额"),
            rule("(持有|持股)\\S{0,6}(股票|有价证券|债券|基金份额)", "有价证券", "持有", "持股"),
            rule("(商业保险|保单号|保险金额|保额)" + IS + "\\S", "商业保险", "商业保险", "保单号", "保险金额", "保额"),
            rule("名下\\S{0,6}(房产|不动产|住房|商铺)|不动产权证(书)?号?" + IS + "\\S", "不动产", "名下", "不动产权证"),
            rule("(纳税(数)?额|缴税(金)?额|个人所得税额)" + AMOUNT, "纳税数额", "纳税", "缴税", "个人所得税额"));

    /** Every rule's words, found in one pass over a value (see {@link Words}). */
    private static final Words WORDS = new Words(STATEMENTS.stream().map(Rule::words).toList());

    private static final Finding IDENTITY_NUMBER = new Finding("公民身份号码（只能填写在证件号码栏）");

    /** Runs of digits (and a final X) long enough to be a card number. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9])[0-9]{14,18}[0-9Xx]?(?![0-9Xx])");

    private ForbiddenContent() {
    }

    /** @param words literal words of which every match of {@code regex} contains at least one (ASCII case ignored) */
    private static Rule rule(String regex, String category, String... words) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), category, List.of(words));
    }

    /** The first forbidden thing found in {@code text}, if any. */
    public static Optional<Finding> in(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        // An identity number typed in full-width digits (４１０１…, as Chinese input methods give) is the same number.
        String text = hasFullWidth(value) ? Normalizer.normalize(value, Normalizer.Form.NFKC) : value;
        // Most values hold few digits: one count spares them both number searches.
        int digits = countDigits(text);
        if (digits >= 15 && (ResidentIdentityNumber.appearsIn(text) || ResidentIdentityNumber.legacyAppearsIn(text))) {
            return Optional.of(IDENTITY_NUMBER);
        }
        if (digits >= 16 && hasLongDigitRun(text)) {
            Matcher m = LONG_NUMBER.matcher(text);
            while (m.find()) {
                String number = m.group();
                if (number.length() >= 16 && number.length() <= 19 && allDigits(number) && luhn(number)) {
                    return Optional.of(new Finding("银行卡号"));
                }
            }
        }
        int candidates = WORDS.rulesIn(text);
        for (int r = 0; candidates != 0; r++, candidates >>>= 1) {
            if ((candidates & 1) != 0 && STATEMENTS.get(r).pattern().matcher(text).find()) {
                return Optional.of(new Finding(STATEMENTS.get(r).category()));
            }
        }
        return Optional.empty();
    }

    /** The rules whose words {@code text} contains, one bit a rule in their order: those whose pattern may match. */
    static int candidateRules(String text) {
        return WORDS.rulesIn(text);
    }

    /** Each rule's words, in the rules' order (for the tests' reference scan). */
    static List<List<String>> wordsByRule() {
        return STATEMENTS.stream().map(Rule::words).toList();
    }

    /**
     * The rules' words (some 35), found in one pass over a value rather than one {@code contains} a word: a table of
     * the characters a word may start with (a Latin word's in either case, as {@link String#regionMatches(boolean,
     * int, String, int, int)} folds them), and at each position whose character is one, the words starting there
     * compared in place. Most characters of a value start no word, and cost one bit test.
     */
    private static final class Words {

        /** A word and the bit of its rule. */
        private record Word(String text, boolean latin, int rule) {

            boolean at(String value, int i) {
                return latin ? value.regionMatches(true, i, text, 0, text.length()) : value.startsWith(text, i);
            }
        }

        private final long[] starts = new long[(Character.MAX_VALUE + 1) / Long.SIZE];
        private final Map<Character, Word[]> byStart = new HashMap<>();

        Words(List<List<String>> wordsByRule) {
            Map<Character, List<Word>> grouped = new HashMap<>();
            for (int r = 0; r < wordsByRule.size(); r++) {
                for (String word : wordsByRule.get(r)) {
                    boolean latin = word.charAt(0) < 128;
                    Word w = new Word(word, latin, 1 << r);
                    for (char c : latin ? foldingTo(word.charAt(0)) : List.of(word.charAt(0))) {
                        grouped.computeIfAbsent(c, k -> new ArrayList<>()).add(w);
                        starts[c >>> 6] |= 1L << c;
                    }
                }
            }
            grouped.forEach((c, words) -> byStart.put(c, words.toArray(Word[]::new)));
        }

        /** Every character that compares equal to {@code c} ignoring case, as {@code regionMatches} compares them. */
        private static List<Character> foldingTo(char c) {
            List<Character> folding = new ArrayList<>();
            String one = String.valueOf(c);
            for (int ch = Character.MIN_VALUE; ch <= Character.MAX_VALUE; ch++) {
                if (String.valueOf((char) ch).regionMatches(true, 0, one, 0, 1)) {
                    folding.add((char) ch);
                }
            }
            return folding;
        }

        int rulesIn(String value) {
            int found = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((starts[c >>> 6] & (1L << c)) != 0) {
                    for (Word w : byStart.get(c)) {
                        if ((found & w.rule()) == 0 && w.at(value, i)) {
                            found |= w.rule();
                        }
                    }
                }
            }
            return found;
        }
    }

    /** Full-width forms (U+FF01–U+FF5E): most values hold none, and then need no normalising. */
    private static boolean hasFullWidth(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                return true;
            }
        }
        return false;
    }

    private static int countDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /** A cheap pre-check: most values hold no run of 14 digits, and then no regex is needed. */
    private static boolean hasLongDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) && text.charAt(i) < 128 ? run + 1 : 0;
            if (run >= 14) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** ISO/IEC 7812 check digit, as on bank cards. */
    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
