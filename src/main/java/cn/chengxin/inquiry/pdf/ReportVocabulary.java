package cn.chengxin.inquiry.pdf;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Gender;
import cn.chengxin.subject.domain.OccupationalGroup;

/**
 * Our vocabulary as a stored report carries it — the Chinese labels of our codes (a record's status, a severity, a
 * list and its entry's status, a document type, ...) — matched to the message keys that word it in English, so an
 * English report prints it in English (issue #7). The report keeps the labels, not the codes, so that what left
 * the platform can be shown again as it was; an English report stored before this is printed in English too. A
 * label not ours, or no longer, is printed as stored.
 */
final class ReportVocabulary {

    /** 异议处理中: a record in dispute, as the report words its status while the objection is handled. */
    static final String IN_DISPUTE = "异议处理中";
    /**
     * 市信用办: the unit a report stored before the city named its credit office (gaps review xliii X5) names for a list
     * entry no department proposed; a report since names the configured office ({@code ReportFormat#department}).
     */
    static final String CREDIT_OFFICE = cn.chengxin.shared.City.GENERIC_CREDIT_OFFICE;

    static final Map<String, String> STATUS = keys(RecordStatus.values(), RecordStatus::label, RecordStatus::name,
            "file.status.");
    static final Map<String, String> PROCEEDING = keys(RecordProceeding.Kind.values(), RecordProceeding.Kind::label,
            RecordProceeding.Kind::name, "objections.proceedingKind.");
    static final Map<String, String> SEVERITY = keys(Severity.values(), Severity::label, Severity::name,
            "catalog.severity.");
    static final Map<String, String> DOCUMENT_TYPE = keys(DocumentType.values(), DocumentType::label,
            DocumentType::name, "documentType.");
    static final Map<String, String> GENDER = keys(Gender.values(), Gender::label, Gender::code, "gender.");
    static final Map<String, String> OCCUPATION = keys(OccupationalGroup.values(), OccupationalGroup::label,
            OccupationalGroup::name, "console.subjects.occupation.");
    static final Map<String, String> LIST_TYPE = keys(ListType.values(), ListType::label, ListType::name,
            "lists.type.");
    static final Map<String, String> LIST_STATUS = keys(EntryStatus.values(), EntryStatus::label, EntryStatus::name,
            "lists.status.");
    /**
     * The parties and subjects the report names in its own words: the person, the platform (a query it made, as the
     * audit log names it), the file as a whole, and the credit office as the unit that listed an entry a rule
     * proposed (the report's {@code 市信用办}, not a department's name as the directory records it).
     */
    static final Map<String, String> PARTY = Map.of("本人", "report.party.self", "平台", "report.party.platform",
            "信用档案整体", "report.party.wholeFile", CREDIT_OFFICE, "report.party.creditOffice",
            "本人（窗口）", "report.party.selfCounter");
    /** The rule the report names for an entry a department proposed (the listing's {@code 部门认定}). */
    static final Map<String, String> RULE = Map.of("部门认定", "report.rule.byDepartment",
            cn.chengxin.inquiry.ReportContent.ListLine.BY_OTHER_PLATFORM, "report.rule.byOtherPlatform");

    static {
        STATUS.put(IN_DISPUTE, "report.status.inDispute");
    }

    private ReportVocabulary() {
    }

    private static <E> Map<String, String> keys(E[] values, Function<E, String> label, Function<E, String> code,
                                                String prefix) {
        Map<String, String> keys = new HashMap<>();
        for (E value : values) {
            keys.putIfAbsent(label.apply(value), prefix + code.apply(value));
        }
        return keys;
    }
}
