package cn.chengxin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a check: the subject's list entries in force, the measures the calling department applies in the
 * scenario, dispute marks, and the check id to give feedback on. {@code cleanRecordThreeYears}: answered only to a
 * department that implements a clean-record incentive for such a subject in the scenario, null to any other (RULES.md
 * §10, gaps-review-xxv H4): true for a subject the platform keeps a credit file on with no negative record in the last
 * three years and nothing on the black or grey list (RULES.md §7), and, for an organisation whose establishment date
 * the registry records, established three or more years ago ({@link CleanRecord}); the negative records it counts are
 * those usable for punishment that the department may read, publicly shared or within its data scope (not a minor
 * penalty, RULES.md §2, nor another bureau's government-only record). Of a subject the platform does not know it
 * cannot say so, and grants no incentive for it. Whether the platform knows the subject is not answered as such: to
 * a department without a clean-record incentive a number it keeps no file on answers as a known subject with nothing
 * against them does. {@code reference}: the department's own reference for its case, as it gave it with the check
 * and as it is kept (H4), null when it gave none.
 *
 * <p>{@code asResponsiblePerson}: for a person, the measures that fall on them as the legal representative, principal
 * person in charge or directly responsible person, on the day of the check, of an organisation with an entry in force
 * (法释〔2015〕17号 第三条第二款; review xxv H2), one item per such entry, apart from their own {@code entries} and
 * {@code measures}: the person is not listed, and the department can tell the two apart. Empty for most.
 */
public record CheckResult(UUID checkId, Instant checkedAt, String maskedNumber, Boolean cleanRecordThreeYears,
                          String maskedName, Scenario scenario,
                          List<Entry> entries, List<Applicable> measures, boolean disputed, boolean feedbackRequired,
                          List<AsResponsible> asResponsiblePerson, String reference) {

    /**
     * An organisation's entry in force whose measures reach the person checked as one who answers for it.
     * {@code organisation}: its name and masked credit code; {@code role}: LEGAL_REPRESENTATIVE, PRINCIPAL or
     * DIRECTLY_RESPONSIBLE, the one they hold on the day (the first of these when several); {@code entryId}: the
     * organisation's entry, as the measures name it in {@code basedOn}; {@code measures}: those the calling department
     * implements in the scenario that reach such persons, each with its own legal basis for them.
     */
    public record AsResponsible(Organisation organisation, String role, String entryId, String listType,
                                boolean disputed, List<Applicable> measures) {
    }

    /** An organisation named in a check's answer: its name and its credit code masked. */
    public record Organisation(String name, String maskedNumber) {
    }

    /**
     * A list entry in force. {@code id}: the entry's, as measures name it in {@code basedOn}; this platform's entries
     * by their id, those another platform issued by that platform's code and its own id for the entry. {@code
     * proceedings}: the administrative review (ADMINISTRATIVE_REVIEW, 行政复议中) or lawsuit (LAWSUIT, 行政诉讼中) pending
     * against the entry itself, as the credit office that issued it flagged it (RULES.md §5; another platform's
     * entries as their latest version received says): the entry keeps its effect and its measures apply, but they
     * may fall with the outcome; empty when none is. {@code recordProceedings}: those pending against the decision
     * of the record the entry rests on (RULES.md §5: the flag shows wherever the record shows), told apart from the
     * entry's own: should the record's decision fall, the entry ends with it; empty when none is, and for another
     * platform's entries (the exchange carries a record's flags with the record, not with the entries resting on it).
     */
    public record Entry(String id, String listType, String listName, String rule, String legalBasis, String department,
                        Instant effectiveFrom, LocalDate validUntil, boolean disputed, List<String> proceedings,
                        List<String> recordProceedings, String issuingPlatform) {
    }

    /**
     * A measure that applies. {@code listType}: the list it follows (the gravest, if several), or
     * {@link Checks#CLEAN_RECORD}. {@code basedOn}: the ids of the entries it rests on, every entry in force on a list
     * it follows; none for a clean record. {@code disputed}: each of them is marked in dispute (异议处理中), so the
     * measure may fall with the objections; one undisputed entry carries it whatever their outcome ({@link Grounds}).
     */
    public record Applicable(String code, String name, String kind, String legalBasis, String listType,
                             boolean disputed, List<String> basedOn) {
    }
}
