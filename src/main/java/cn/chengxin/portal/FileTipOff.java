package cn.chengxin.portal;

/**
 * A tip-off as the public form sends it, with the answer to the form's challenge. {@code documentType} names the type
 * of a passport or travel-permit number (code or Chinese label); blank: the number is inferred.
 */
public record FileTipOff(String subjectName, String documentType, String subjectNumber, String facts,
                         String reporterName, String reporterContact, String challengeToken, String challengeAnswer) {

    public static FileTipOff empty() {
        return new FileTipOff("", "", "", "", "", "", "", "");
    }
}
