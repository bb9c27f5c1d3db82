package cn.chengxin.portal.content.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.FieldRefusal;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;

/**
 * De-identification of an article of any kind (a typical case, a policy or a knowledge text) before it goes public
 * (RULES.md §10: public disclosure of personal information is de-identified, Shenzhen Art. 38). Beside the identity number ({@code TypedText}), what names a person by itself
 * is refused: an 11-digit mobile number, a passport or travel-permit number, the unified social credit code of a sole
 * trader (个体工商户, registration type {@code 92}: it stands for the person who trades), and a full name of 2–4
 * characters written unmasked next to 男/女, a year of birth (…年生) or an address (住…). A masked name (王某, 王某某,
 * 王*) passes, and so do organisations (…公司, …中心), company codes and the ordinary words of a case: each pattern
 * asks for the shape the detail has in a judgment's or a decision's header, not for any run of digits or characters.
 */
public final class PersonalDetails {

    /** What was found, in the reader's words, and where: the 1-based position of its first character. */
    public record Found(String what, int position) {
    }

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])");
    /** Ordinary passports (E, EA…, G), diplomatic, service and public-affairs ones. */
    private static final Pattern PASSPORT = Pattern.compile(
            "(?<![A-Za-z0-9])(?:E[A-HJ-NP-Z]?[0-9]{7,8}|[GDSP][0-9]{8})(?![A-Za-z0-9])");
    /** Permits to and from Hong Kong, Macao (H, M, C) and Taiwan, the foreigner's permanent residence card. */
    private static final Pattern PERMIT = Pattern.compile(
            "(?<![A-Za-z0-9])(?:[HM][0-9]{8}(?:[0-9]{2})?|C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[A-Z]{3}[0-9]{12})"
                    + "(?![A-Za-z0-9])|(?:护照|通行证|台胞证|居留证)(?:号码|号)?[:：\\s]*[A-Z0-9]{8,}");
    private static final Pattern CREDIT_CODE = Pattern.compile("(?<![0-9A-Z])92[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"
            + "(?![0-9A-Z])");
    /** What follows a person's name in a case's header: the sex, the year of birth or the address. */
    private static final Pattern PERSON_MARK = Pattern.compile(
            "[，,、（(\\s]\\s*(?:[男女](?=$|[，,、。；;）)\\s])"
                    + "|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?出?生(?=$|[，,、。；;）)\\s])"
                    + "|住(?![宿房建户院])(?:址)?[:：]?\\s*\\p{IsHan}{0,12}?(?:省|市|区|县|镇|乡|村|街道|小区|路|街|号))");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** What a name is masked with. */
    private static final String MASKS = "某*＊×xX○〇";
    /** Words a name is not: organisations and other nouns that stand before a comma in a case. */
    private static final List<String> NOT_A_NAME = List.of("公司", "中心", "厂", "店", "局", "委", "院", "所", "部",
            "社", "会", "站", "队", "校", "馆", "处", "室", "组", "村", "办", "团", "场", "行", "其中", "包括", "性别",
            "分别", "以及", "人员", "职工", "员工", "人", "族");

    private PersonalDetails() {
    }

    /** The detail that names a person first in the text, if any. */
    public static Optional<Found> in(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String t = halfWidthDigits(text);
        return java.util.stream.Stream.of(first(MOBILE, t, "手机号码"), first(PASSPORT, t, "护照号码"),
                        first(PERMIT, t, "通行证或居留证号码"), soleTrader(t), unmaskedName(t))
                .flatMap(Optional::stream).min(java.util.Comparator.comparingInt(Found::position));
    }

    /**
     * @param field the field's name in the form ({@code body})
     * @param label the field's name as its readers know it ({@code 正文})
     * @throws NamesAPerson when {@code text} holds a detail that names a person
     */
    public static void requireNone(String field, String label, String text) {
        in(text).ifPresent(found -> {
            throw new NamesAPerson(field, label, found);
        });
    }

    private static Optional<Found> first(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(new Found(what, m.start() + 1)) : Optional.empty();
    }

    /** A company's code (91…) names no one; a sole trader's names its owner. Only a code whose check character fits. */
    private static Optional<Found> soleTrader(String text) {
        Matcher m = CREDIT_CODE.matcher(text);
        while (m.find()) {
            String code = m.group();
            if (UnifiedSocialCreditCode.checkCharFor(code) == code.charAt(17)) {
                return Optional.of(new Found("个体工商户统一社会信用代码", m.start() + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The 2–4 characters before a person's mark, when none of them is a mask and they are no organisation. The year of
     * birth and the address often stand after other details of the header (王某，男，1985年生，汉族，无业，住…): there the
     * characters before are a detail, not the name, and a name masked earlier in the sentence masks the person.
     */
    private static Optional<Found> unmaskedName(String text) {
        Matcher m = PERSON_MARK.matcher(text);
        while (m.find()) {
            int end = m.start();
            boolean sex = m.group().strip().length() <= 2 && m.group().matches(".*[男女]");
            if (!sex && maskedInSentence(text, end)) {
                continue;
            }
            int start = end;
            while (start > 0 && end - start < 4 && HAN.matcher(text.substring(start - 1, start)).matches()) {
                start--;
            }
            String name = text.substring(start, end);
            if (name.length() < 2 || name.chars().anyMatch(c -> MASKS.indexOf(c) >= 0)) {
                continue;
            }
            String before = text.substring(Math.max(0, end - 6), end);
            if (NOT_A_NAME.stream().anyMatch(before::endsWith)) {
                continue;
            }
            return Optional.of(new Found("未脱敏的姓名", start + 1));
        }
        return Optional.empty();
    }

    /** Whether the sentence holding the position names someone masked before it. */
    private static boolean maskedInSentence(String text, int end) {
        int start = end;
        while (start > 0 && "。；;！？!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return text.substring(start, end).chars().anyMatch(c -> MASKS.indexOf(c) >= 0);
    }

    /** Full-width digits (as Chinese input methods give) read as ASCII ones, each still one character. */
    private static String halfWidthDigits(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return b.toString();
    }

    /** The refusal: one code, the field, what was found and where. */
    public static final class NamesAPerson extends CodedProblem implements FieldRefusal {

        private final String field;
        private final Found found;

        NamesAPerson(String field, String label, Found found) {
            super("CASE_NAMES_A_PERSON", Kind.INVALID_INPUT, "「" + label + "」第" + found.position() + "个字起含有"
                    + found.what() + "：文章（含典型案例）公开发布前须去标识化（姓名写作“王某”，不写电话、证件号码和个体工商户代码），"
                    + "请修改后重新提交");
            this.field = field;
            this.found = found;
        }

        @Override
        public String field() {
            return field;
        }

        public Found found() {
            return found;
        }
    }
}
