package cn.chengxin.shared.web;

import org.springframework.stereotype.Component;

/**
 * A masked number or name as parts a screen reader can say (gaps review xxxv O7, WCAG 1.3.1): {@code 4117**********6630}
 * is read aloud as "4117, 星号 ×10, 6630" or as an eight-digit number; the page shows it {@code aria-hidden} and says
 * instead "证件号码前4位 4117，后4位 6630，中间10位已隐藏" ({@code fragments/masked.html}). Works on the masked text only:
 * the clear number never reaches a page (RULES.md §10).
 */
@Component("maskedWords")
public class MaskedWords {

    /** The parts of a masked text: what is shown before and after the run of asterisks, and how many are hidden. */
    public Parts of(String masked) {
        if (masked == null) {
            return new Parts("", 0, "");
        }
        int first = masked.indexOf('*');
        if (first < 0) {
            return new Parts(masked, 0, "");
        }
        int last = masked.lastIndexOf('*');
        String hiddenRun = masked.substring(first, last + 1);
        return new Parts(masked.substring(0, first), hiddenRun.codePointCount(0, hiddenRun.length()),
                masked.substring(last + 1));
    }

    /**
     * @param head   what is shown before the hidden run
     * @param hidden how many characters are hidden (0: nothing is, the text is shown whole)
     * @param tail   what is shown after it
     */
    public record Parts(String head, int hidden, String tail) {

        public int headLength() {
            return head.codePointCount(0, head.length());
        }

        public int tailLength() {
            return tail.codePointCount(0, tail.length());
        }

        public boolean allHidden() {
            return hidden > 0 && head.isEmpty() && tail.isEmpty();
        }

        /** The message that says a masked number (null when nothing is hidden: the text is said as it is). */
        public String numberKey() {
            return hidden == 0 ? null : allHidden() ? "masked.number.allHidden" : "masked.number.words";
        }

        /** The arguments of {@link #numberKey()}. */
        public Object[] numberArgs() {
            return allHidden() ? new Object[] {hidden}
                    : new Object[] {headLength(), head, tailLength(), tail, hidden};
        }
    }
}
