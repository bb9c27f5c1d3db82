package cn.chengxin.inquiry.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.chengxin.inquiry.ReportContent;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.shared.City;
import cn.chengxin.shared.PurposeWords;
import org.springframework.context.MessageSource;

/**
 * Formatting for the report template in the report's language: times in China Standard Time, whatever the server's
 * zone; the summary lines in the words of {@code report.*} in the messages files; our vocabulary the report carries
 * as stored Chinese labels ({@link ReportVocabulary}), the purposes and bases ({@link PurposeWords}) in English in
 * an English report. A Chinese report prints every stored value unchanged.
 */
public final class ReportFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The number of months in 在本地居住不满 N 个月，暂不评分, the one reason not to score that names a figure. */
    private static final Pattern MONTHS = Pattern.compile("(\\d+)");

    /** A Chinese character. */
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;
    private final PurposeWords purposes;
    private final boolean page;
    private final City city;

    /**
     * {@code page}: the report as a web page, whose parts in the other language are marked ({@link #recorded});
     * {@code city}: whose credit office's name an English report words in English.
     */
    ReportFormat(MessageSource messages, Locale locale, boolean page, City city) {
        this.city = city;
        this.messages = messages;
        this.locale = locale;
        this.english = "en".equals(locale.getLanguage());
        this.purposes = new PurposeWords(messages);
        this.page = page;
    }

    /**
     * The language of a value shown as recorded (gaps review xxxv O10, WCAG 3.1.2): {@code zh-CN} when an English
     * report's web page shows it in Chinese (an item, a department, a decision's number), so that a screen reader
     * reads it with a Chinese voice; {@code null} (no attribute) otherwise. The PDFs are not marked: their bytes, and
     * the digests kept of them, stay those of the report as issued.
     */
    public String recorded(String shown) {
        return page && english && shown != null && HAN.matcher(shown).find() ? "zh-CN" : null;
    }

    /** A record's status as printed, with the reviews and lawsuits pending against its decision after it. */
    public String status(ReportContent.RecordLine x) {
        if (!english) {
            return x.statusShown();
        }
        String status = term(ReportVocabulary.STATUS, x.status());
        return x.proceedings().isEmpty() ? status : status + " (" + x.proceedings().stream()
                .map(p -> term(ReportVocabulary.PROCEEDING, p)).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A negative record's repair status (RULES.md §6, §9) as stored, or by its code in an English report; null when
     * the record carries none (not negative, or a report stored before it was carried).
     */
    public String repair(ReportContent.RecordLine x) {
        if (x.repair() == null) {
            return null;
        }
        return english ? messages.getMessage("report.repair." + x.repair().code(),
                new Object[] {x.repair().from() == null ? "—" : x.repair().from().toString()}, x.repair().text(), locale)
                : x.repair().text();
    }

    public String severity(String label) {
        return term(ReportVocabulary.SEVERITY, label);
    }

    public String documentType(String label) {
        return term(ReportVocabulary.DOCUMENT_TYPE, label);
    }

    public String gender(String label) {
        return term(ReportVocabulary.GENDER, label);
    }

    /** The occupations, joined as the report's language lists things. */
    public String occupations(List<String> labels) {
        return english ? labels.stream().map(o -> term(ReportVocabulary.OCCUPATION, o))
                .collect(Collectors.joining(", ")) : String.join("、", labels);
    }

    public String listType(String label) {
        return term(ReportVocabulary.LIST_TYPE, label);
    }

    public String listStatus(String label) {
        return term(ReportVocabulary.LIST_STATUS, label);
    }

    /** 本人, 信用档案整体: the report's own words for the person and their whole file; any other name as recorded. */
    public String party(String name) {
        return term(ReportVocabulary.PARTY, name);
    }

    /**
     * The unit that listed an entry or gave a record: the credit office in the report's words — as the city names it
     * (gaps review xliii X5), or 市信用办 in a report stored before — a department as named.
     */
    public String department(String name) {
        return english && name != null && name.equals(city.creditOffice()) ? city.creditOfficeEnglish()
                : term(ReportVocabulary.PARTY, name);
    }

    /** The rule an entry answers to: {@code 部门认定} in the report's words, a rule's name as recorded. */
    public String rule(String name) {
        return term(ReportVocabulary.RULE, name);
    }

    /**
     * A record's details, "label：value；label：value" as the report stores them, with the separators of the report's
     * language: the labels and values are recorded text and stay as recorded, but an English line is not punctuated
     * in Chinese.
     */
    public String details(String stored) {
        return english && stored != null ? stored.replace("：", ": ").replace("；", "; ") : stored;
    }

    /** The purpose of the report or of a query in its record, in the report's language when it is ours. */
    public String purpose(String stored) {
        if (english && stored != null && messages.getMessage("access.action." + stored, null, null, locale) != null) {
            // a query record without a purpose names the action (report.verify, ...)
            return messages.getMessage("access.action." + stored, null, locale);
        }
        return purposes.purpose(stored, locale);
    }

    public String basis(String stored) {
        return purposes.basis(stored, locale);
    }

    /** The grade: by its code in an English report, as stored otherwise or when the report carries no code. */
    public String grade(ReportContent.ScoreLine score) {
        return english && score.gradeCode() != null
                ? messages.getMessage("me.score.grade." + score.gradeCode(), null, score.grade(), locale) : score.grade();
    }

    public String dimension(ReportContent.ScoreLine.Part dimension) {
        return english && dimension.code() != null ? messages.getMessage("me.score.dimension." + dimension.code(),
                null, dimension.label(), locale) : dimension.label();
    }

    /** Why the person is not scored: by its code in an English report. */
    public String notScored(ReportContent.ScoreLine score) {
        if (!english || score.notScoredCode() == null) {
            return score.notScoredReason();
        }
        Matcher months = MONTHS.matcher(score.notScoredReason() == null ? "" : score.notScoredReason());
        return messages.getMessage("report.score.notScoredReason." + score.notScoredCode(),
                new Object[] {months.find() ? months.group(1) : "—"}, score.notScoredReason(), locale);
    }

    private String term(Map<String, String> vocabulary, String stored) {
        String key = english && stored != null ? vocabulary.get(stored) : null;
        return key == null ? stored : messages.getMessage(key, null, stored, locale);
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** The dispute line: how many records and list entries are marked 异议中. */
    public String disputes(ReportContent r) {
        long records = r.goodRecords().stream().filter(ReportContent.RecordLine::disputed).count()
                + r.negativeRecords().stream().filter(ReportContent.RecordLine::disputed).count()
                + r.otherRecords().stream().filter(ReportContent.RecordLine::disputed).count();
        long lists = r.lists().stream().filter(ReportContent.ListLine::disputed).count();
        return records + lists == 0 ? message("report.disputes.none")
                : message("report.disputes", Long.toString(records), Long.toString(lists));
    }

    /**
     * The sentence a report opens with when it carries no credit record and no list entry (gaps review xxix K3; RULES.md
     * §9: the report's contents), so that a clean record reads as one and not as a blank form: the person's own full
     * report says that none was collected; a report cut to what its reader may see (an institution's, an occupational
     * or a government one) says so within its scope, since records outside it may exist and are not its reader's to
     * know of. Null when the report carries any.
     */
    public String noRecords(ReportContent r) {
        boolean none = Stream.of(r.goodRecords(), r.negativeRecords(), r.otherRecords()).allMatch(List::isEmpty)
                && r.lists().isEmpty();
        if (!none) {
            return null;
        }
        return message(r.kind() == ReportKind.SELF_FULL ? "report.noRecords" : "report.noRecordsInScope");
    }

    /**
     * The line on pending administrative reviews and lawsuits (RULES.md §5): how many records carry one; null when
     * none does.
     */
    public String proceedings(ReportContent r) {
        long records = Stream.of(r.goodRecords(), r.negativeRecords(), r.otherRecords()).flatMap(List::stream)
                .filter(x -> !x.proceedings().isEmpty()).count();
        return records == 0 ? null : message("report.proceedings", Long.toString(records));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
