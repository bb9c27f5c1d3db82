package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The 个人信息保护影响评估 a score model version is approved on (PIPL Art. 55 (1)–(2): automated evaluation of persons,
 * from data that include identity numbers, is assessed before it starts; Art. 56: the assessment's conclusion is
 * recorded and kept). The document itself stays in the office's records; the platform keeps the day, the conclusion
 * and the document's SM3, which show which text the approval relied on. {@code documentName} may be null.
 */
public record ImpactAssessment(LocalDate assessedOn, String conclusion, String documentSm3, String documentName) {

    /** The longest conclusion kept: a summary, the document holds the reasoning. */
    public static final int MAX_CONCLUSION = 2000;

    private static final Pattern SM3_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * What is wrong with the assessment, in Chinese for the form; empty when it can be recorded. An assessment is
     * made before the processing it weighs (Art. 55: 事前), so never dated after {@code today}.
     */
    public List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (assessedOn == null) {
            problems.add("请填写评估日期");
        } else if (assessedOn.isAfter(today)) {
            problems.add("评估日期不能晚于今天");
        }
        if (conclusion == null || conclusion.isBlank()) {
            problems.add("请填写评估结论");
        } else if (conclusion.strip().length() > MAX_CONCLUSION) {
            problems.add("评估结论不超过 " + MAX_CONCLUSION + " 字");
        }
        if (documentSm3 == null || !SM3_HEX.matcher(documentSm3).matches()) {
            problems.add("请上传评估报告文件");
        }
        return problems;
    }
}
