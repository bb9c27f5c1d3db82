package cn.chengxin.ingestion.domain;

/**
 * The department's own key of a rejected row (部门记录编号), as its clerk sees it again to find the row in the
 * department's system: as sent, without the space around it. Some departments build their keys from the person's
 * identity number, and no number is shown in clear (RULES.md §10): every run of digits long enough to be one (15 or
 * 18 characters, full-width digits too) or a bank card number is masked as a number is. A key longer than the
 * platform takes ({@link #LONGEST}; such a row was refused SOURCE_ID_MISSING) is cut.
 */
public final class ShownSourceId {

    /** The longest key the validator takes. */
    static final int LONGEST = 100;

    private ShownSourceId() {
    }

    /** @return the key to show, or {@code null} when the row was sent without one */
    public static String of(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        return ShownText.of(sent.strip(), LONGEST);
    }
}
