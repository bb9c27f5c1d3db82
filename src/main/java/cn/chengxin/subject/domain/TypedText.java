package cn.chengxin.subject.domain;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.FieldRefusal;
import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * Free text that staff or a department type and that is kept and shown again as written — a list entry's facts and
 * reasons, a reviewer's note, an exit reason, an objection's decision, a check's feedback — holds no resident identity
 * number (RULES.md §10: ID numbers encrypted at rest and masked on screens). Typed there, a number would sit in clear
 * in the text's own column, outside the registry's encryption, and show on every screen that shows the text; the
 * person is already named by the subject the text belongs to. It is refused rather than masked, so that the writer
 * learns what the platform keeps and keeps nothing else. Only a number that is one is refused — region, birth date
 * and check character ({@link ResidentIdentityNumber#appearsIn}) — so that case numbers, a company's all-digit credit
 * code and other long digit runs are not; and a first-generation 15-digit number, which has no check character,
 * only when its region and birth date are real ones ({@link ResidentIdentityNumber#legacyAppearsIn}).
 *
 * <p>Citizens' own texts (an objection's statement, a tip-off) are not refused: a person may write their own number,
 * and those texts are masked where staff read them instead.
 */
public final class TypedText {

    /** Fewer digits than this cannot make a number, old or new: most texts are let through by one pass. */
    private static final int DIGITS_OF_A_NUMBER = 15;

    private TypedText() {
    }

    /**
     * @param field the field's name in the form or the request ({@code reasons}), which a form shows the refusal by
     * @param label the field's name as its readers know it, in Chinese ({@code 事实和理由})
     * @throws HoldsIdentityNumber when {@code text} holds a resident identity number, of 18 characters or of 15
     */
    public static void requireNoIdentityNumber(String field, String label, String text) {
        if (text != null && digitsIn(text) >= DIGITS_OF_A_NUMBER && holdsNumber(text)) {
            throw new HoldsIdentityNumber(field, label);
        }
    }

    /**
     * A text a department's system sends through the API, where nobody can type it again: a number whose check
     * character fits is refused, as when typed ({@link #requireNoIdentityNumber}); a first-generation 15-digit run,
     * which an old registration number (工商注册号) resembles by chance about once in thirty, is kept masked instead.
     *
     * @return the text as it is to be kept
     */
    public static String fromSystem(String field, String label, String text) {
        if (text == null || digitsIn(text) < DIGITS_OF_A_NUMBER) {
            return text;
        }
        if (ResidentIdentityNumber.appearsIn(text)) {
            throw new HoldsIdentityNumber(field, label);
        }
        return ResidentIdentityNumber.legacyAppearsIn(text) ? IdentityRedaction.redact(text) : text;
    }

    private static boolean holdsNumber(String text) {
        return ResidentIdentityNumber.appearsIn(text) || ResidentIdentityNumber.legacyAppearsIn(text);
    }

    /**
     * What a form shows again of a text it sent: as typed, so that the writer corrects it rather than types it again,
     * but with any identity number masked as on every screen (in groups too); a number written in a way the masking
     * still misses takes the text with it, which is then typed again. Only what is refused is masked: a phone or a
     * passport number a staff text may hold is kept as typed, or sent again it would be stored masked.
     */
    public static String shownAgain(String text) {
        String masked = IdentityRedaction.redactResidentNumbers(text);
        return masked != null && holdsNumber(masked) ? "" : masked;
    }

    /** ASCII and full-width digits (as Chinese input methods give), which {@code appearsIn} reads alike. */
    private static int digitsIn(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= '０' && c <= '９') {
                digits++;
            }
        }
        return digits;
    }

    /** The refusal: one code for every such field, the field named in the message and kept for the form. */
    public static final class HoldsIdentityNumber extends CodedProblem implements FieldRefusal {

        private final String field;

        HoldsIdentityNumber(String field, String label) {
            super("FREE_TEXT_HOLDS_IDENTITY_NUMBER", Kind.INVALID_INPUT, "「" + label
                    + "」中不得填写公民身份号码：证件号码只保存在证件号码栏（加密保存、脱敏显示），请删去后重新提交");
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }
}
