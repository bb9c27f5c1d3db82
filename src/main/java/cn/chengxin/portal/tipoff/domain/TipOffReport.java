package cn.chengxin.portal.tipoff.domain;

/**
 * What a reporter tells: who is reported (a name, optionally an identity number or credit code, handled by
 * the subject registry and never kept in clear), the facts, and, unless they stay anonymous, how to reach
 * them.
 */
public record TipOffReport(String subjectName, String subjectNumber, String facts, String reporterName,
                           String reporterContact) {

    public static final int FACTS_MIN = 10;
    public static final int FACTS_MAX = 5_000;

    /** Trimmed; refuses a report the office could not act on. */
    public TipOffReport {
        subjectName = strip(subjectName);
        subjectNumber = strip(subjectNumber);
        facts = strip(facts);
        reporterName = strip(reporterName);
        reporterContact = strip(reporterContact);
        if (subjectName.isEmpty() || subjectName.length() > 100) {
            throw TipOffProblem.invalid("TIPOFF_SUBJECT_NAME", "请填写被举报人或单位的名称（不超过100字）");
        }
        if (facts.length() < FACTS_MIN || facts.length() > FACTS_MAX) {
            throw TipOffProblem.invalid("TIPOFF_FACTS", "请描述失信事实（" + FACTS_MIN + "至" + FACTS_MAX + "字）");
        }
        if (reporterName.length() > 50 || reporterContact.length() > 100) {
            throw TipOffProblem.invalid("TIPOFF_REPORTER", "举报人姓名不超过50字，联系方式不超过100字");
        }
    }

    public boolean anonymous() {
        return reporterName.isEmpty() && reporterContact.isEmpty();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
