package cn.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.chengxin.inquiry.domain.RecordRepair;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;

/**
 * What a credit report says (RULES.md §9), as one snapshot: the PDF, the HTML page and the JSON form are all made
 * from it, and it is kept with the report so that what left the platform can be shown again exactly. The identity
 * number appears only masked. {@code language} is that of the fixed text ({@link ReportLanguage}: "zh" or "en"),
 * null in a report stored before reports had a language. {@code gradingRefused}: the person refuses to be judged by
 * automated grading (PIPL Art. 24; RULES.md §8), so a report for anyone else carries no score but says so
 * ({@code scoreWithheld} as well), and the person's own report carries the score with that note; false in a report
 * stored before the refusal reached reports.
 */
public record ReportContent(String number, String verificationCode, ReportKind kind, String title, String purpose,
                            String legalBasis, String requester, Instant generatedAt, Instant validUntil,
                            Identity identity, List<RecordLine> goodRecords, List<RecordLine> negativeRecords,
                            List<RecordLine> otherRecords, List<ListLine> lists, List<StatementLine> statements,
                            ScoreLine score, boolean scoreWithheld, List<QueryLine> queries, String verifyUrl,
                            String language, boolean gradingRefused) {

    /**
     * A report without {@code gradingRefused}, as every report was before the person's refusal of automated grading
     * reached reports.
     */
    public ReportContent(String number, String verificationCode, ReportKind kind, String title, String purpose,
                         String legalBasis, String requester, Instant generatedAt, Instant validUntil,
                         Identity identity, List<RecordLine> goodRecords, List<RecordLine> negativeRecords,
                         List<RecordLine> otherRecords, List<ListLine> lists, List<StatementLine> statements,
                         ScoreLine score, boolean scoreWithheld, List<QueryLine> queries, String verifyUrl,
                         String language) {
        this(number, verificationCode, kind, title, purpose, legalBasis, requester, generatedAt, validUntil, identity,
                goodRecords, negativeRecords, otherRecords, lists, statements, score, scoreWithheld, queries, verifyUrl,
                language, false);
    }

    /** The language the report's fixed text is printed in; one stored before reports had one is Chinese. */
    public ReportLanguage reportLanguage() {
        return ReportLanguage.ofStored(language);
    }

    /** 身份信息: the name, the masked number, and for an occupational report the occupations. */
    public record Identity(String name, String documentType, String maskedNumber, String gender, Integer birthYear,
                           List<String> occupations, boolean synthetic) {
    }

    /**
     * One record: its source, decision, class, publication end and status (incl. 异议中), the administrative reviews
     * or lawsuits pending against its decision ({@code proceedings}: 行政复议中, 行政诉讼中; RULES.md §5), and for a
     * negative record its repair status ({@code repair}, RULES.md §6, §9; null for the others and in a report stored
     * before it was carried). A report stored before proceedings were carried has none.
     */
    public record RecordLine(String item, String category, String department, String decisionNumber,
                             LocalDate decisionDate, String severity, LocalDate publicationEnd, String status,
                             boolean disputed, String details, List<String> proceedings, RecordRepair repair) {

        public RecordLine {
            proceedings = proceedings == null ? List.of() : List.copyOf(proceedings);
        }

        /** The status as printed: with the pending proceedings after it, as 异议处理中 stands in for the status. */
        public String statusShown() {
            return proceedings.isEmpty() ? status : status + "（" + String.join("、", proceedings) + "）";
        }
    }

    /**
     * A list membership with its basis and validity; {@code issuingPlatform}: the platform that issued an entry another
     * platform listed (RULES.md §9, §11), null for this platform's own (and in reports stored before it was named).
     */
    public record ListLine(String listType, String rule, String legalBasis, String department, LocalDate from,
                           LocalDate validUntil, String status, boolean disputed, String issuingPlatform) {

        /** The rule named for an entry another platform issued: none of this platform's rules listed it. */
        public static final String BY_OTHER_PLATFORM = "其他平台认定";

        /** An entry this platform issued. */
        public ListLine(String listType, String rule, String legalBasis, String department, LocalDate from,
                        LocalDate validUntil, String status, boolean disputed) {
            this(listType, rule, legalBasis, department, from, validUntil, status, disputed, null);
        }
    }

    /** 本人声明: what the person wrote about their file, printed as written (escaped, never interpreted). */
    public record StatementLine(Instant at, String concerning, String text) {
    }

    /**
     * 信用评分 with its explanation as {@link cn.chengxin.inquiry.domain.ScoreExplanation} says a report prints it: the
     * dimensions with the points of the records shown, those records, and {@code notShownPoints}, what the records
     * not shown moved the score by together, printed once and in no dimension (null: none). A report stored before
     * then carries that sum as a last contribution and its dimensions' full points. {@code gradeCode},
     * {@code notScoredCode} and a dimension's {@code code} name our vocabulary, which an English report prints in
     * English (null in a report stored before they were carried, which prints the stored Chinese).
     */
    public record ScoreLine(Integer score, String grade, String model, Instant computedAt, String notScoredReason,
                            List<Part> dimensions, Integer notShownPoints, List<Part> contributions,
                            String gradeCode, String notScoredCode) {

        /** A dimension (its {@code code}) or a record (no code: its item as recorded) with its points. */
        public record Part(String label, LocalDate date, int points, String code) {
        }
    }

    /** 查询记录: who looked at the person's data, when and why. */
    public record QueryLine(Instant at, String querier, String organisation, String purpose, boolean authorised) {
    }

    /** What the public verification page shows beside "authentic and valid". */
    public record Summary(String title, String maskedName, String maskedNumber, Instant generatedAt,
                          Instant validUntil, int goodRecords, int negativeRecords, int lists, String requester) {
    }

    public Summary summary() {
        return new Summary(title, cn.chengxin.subject.domain.Masking.personName(identity.name()),
                identity.maskedNumber(), generatedAt, validUntil, goodRecords.size(), negativeRecords.size(),
                lists.size(), requester);
    }
}
