package cn.chengxin.portal;

/** A tip-off as the public form sends it, with the answer to the form's challenge. */
public record FileTipOff(String subjectName, String subjectNumber, String facts, String reporterName,
                         String reporterContact, String challengeToken, String challengeAnswer) {

    public static FileTipOff empty() {
        return new FileTipOff("", "", "", "", "", "", "");
    }
}
