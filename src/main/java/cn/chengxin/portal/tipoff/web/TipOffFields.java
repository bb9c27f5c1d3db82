package cn.chengxin.portal.tipoff.web;

/**
 * The field of the tip-off form a refusal names, for the refusal beside it and the field marked invalid (gaps review
 * xxxv O2; WCAG 3.3.1); none for a refusal of the whole form (too many tip-offs).
 */
final class TipOffFields {

    private TipOffFields() {
    }

    /** @return the field's name (and id) in {@code portal/tipoffs.html}, or null */
    static String of(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "TIPOFF_SUBJECT_NAME" -> "subjectName";
            case "TIPOFF_FACTS" -> "facts";
            case "TIPOFF_REPORTER" -> "reporterName";
            default -> code.startsWith("CHALLENGE_") ? "challengeAnswer"
                    : code.startsWith("ID_") || code.startsWith("USCC_") || code.equals("DOCUMENT_FORMAT")
                    ? "subjectNumber" : null;
        };
    }
}
