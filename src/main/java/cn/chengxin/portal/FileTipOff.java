package cn.chengxin.portal;

/**
 * A tip-off as the public form sends it, with the answer to the form's challenge. {@code documentType} names the type
 * of a passport or travel-permit number (code or Chinese label); blank: the number is inferred.
 */
public record FileTipOff(String subjectName, String documentType, String subjectNumber, String facts,
                         String reporterName, String reporterContact, String challengeToken, String challengeAnswer) {

    /** As typed, without control characters ({@link PublicInput}): a NUL in the facts would fail the tip-off's insert. */
    public FileTipOff {
        subjectName = PublicInput.clean(subjectName);
        documentType = PublicInput.clean(documentType);
        subjectNumber = PublicInput.clean(subjectNumber);
        facts = PublicInput.clean(facts);
        reporterName = PublicInput.clean(reporterName);
        reporterContact = PublicInput.clean(reporterContact);
    }

    public static FileTipOff empty() {
        return new FileTipOff("", "", "", "", "", "", "", "");
    }
}
