package cn.chengxin.ingestion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.ingestion.parsing.FileProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.domain.Masking;

/**
 * Why a batch stopped before its end, for the clerk who submitted it: a stable code, the line where the file
 * stopped being readable (null when the problem is not about a line) and the reason in Chinese. The rows
 * before that line were processed; the clerk fixes the file and submits it again.
 */
public record BatchFailure(String code, Long line, String reason) {

    /** Identity numbers (15 or 18 characters) that a message from another module might quote. */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})"
            + "(?![0-9A-Za-z])");

    static BatchFailure of(RuntimeException stopped) {
        if (stopped instanceof FileProblem problem) {
            return new BatchFailure(problem.code(), problem.line().isPresent() ? problem.line().getAsLong() : null,
                    problem.getMessage());
        }
        if (stopped instanceof DomainProblem problem) {
            return new BatchFailure(problem.code(), null, masked(problem.getMessage()));
        }
        // An unexpected exception's text is for the log, never for the clerk: it may quote a row.
        return new BatchFailure("INTERNAL_ERROR", null, "系统内部错误，处理已中止；请稍后重新报送，或联系平台运维人员");
    }

    /** Reports and pages are seen by clerks: an identity number is never shown in clear (RULES.md §10). */
    static String masked(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = IDENTITY_NUMBER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Masking.identityNumber(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
