package cn.chengxin.listing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.catalog.domain.CourtListingTerm;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.shared.calendar.CivilPeriods;

/**
 * When an approved entry takes effect and how long it stays (RULES.md §7; 国办发〔2020〕49号; 《河南省社会信用
 * 条例》第二十八条、第三十七条): a black-list entry only after the subject's written prior notice (and the
 * notice period of its rule); a red-list entry after its public notice period; a grey-list entry at once. Minors
 * are never put on the black or grey list.
 */
public final class EntryLifecycle {

    private EntryLifecycle() {
    }

    /** The status right after approval and the moment the entry takes effect. */
    public record AfterApproval(EntryStatus status, Instant effectiveFrom) {
    }

    /**
     * A notice period of {@code noticeDays} days is counted as the law counts periods by days (《民法典》第二百零一条：
     * the day it begins is not counted; 第二百零三条：its last day ends at 24:00), in the city's time: approved on day A,
     * it runs from A+1 to the end of A+N, and the entry takes effect at 00:00 of A+N+1, as the notice says ("公示期至
     * A+N", "拟于 A+N+1 起生效"). It used to take effect at the approval's hour of A+N, within the period's last day.
     */
    public static AfterApproval approve(ListType type, int noticeDays, Instant approvedAt, ZoneId zone) {
        return switch (type) {
            case BLACK -> noticeDays == 0 ? new AfterApproval(EntryStatus.EFFECTIVE, approvedAt)
                    : new AfterApproval(EntryStatus.NOTIFIED, afterNotice(noticeDays, approvedAt, zone));
            // RULES.md §7 (《河南省社会信用条例》第二十八条): never red-listed without a public notice, of one day at least.
            case RED -> new AfterApproval(EntryStatus.PUBLIC_NOTICE, afterNotice(Math.max(1, noticeDays), approvedAt,
                    zone));
            case GREY -> new AfterApproval(EntryStatus.EFFECTIVE, approvedAt);
        };
    }

    /**
     * When an entry held past its notice period by an objection raised in it ({@link cn.chengxin.listing.NoticeHolds})
     * takes effect once that objection is decided without stopping it: not before its notice period is over
     * ({@code noticeUntil}), and not before 00:00 of the day after the decision ({@code settledAt}; null: nothing was
     * decided). RULES.md §7: an objection in the notice period is verified before the listing takes effect; an entry
     * takes effect at the start of a day, as after its notice (the period counted in whole days), so the subject has
     * the decision (their notice of it, PIPL Art. 50) before they are listed, not hours after.
     */
    public static Instant afterHold(Instant noticeUntil, Instant settledAt, ZoneId zone) {
        if (settledAt == null) {
            return noticeUntil;
        }
        Instant dayAfter = LocalDate.ofInstant(settledAt, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return dayAfter.isAfter(noticeUntil) ? dayAfter : noticeUntil;
    }

    private static Instant afterNotice(int noticeDays, Instant approvedAt, ZoneId zone) {
        return LocalDate.ofInstant(approvedAt, zone).plusDays(noticeDays + 1L).atStartOfDay(zone).toInstant();
    }

    /**
     * The entry's last day in force: {@code validityMonths} from the decision date, but never beyond the last day
     * the record itself is published (an entry cannot outlive its basis); null when neither limits it. The months are
     * counted as the law counts them ({@link CivilPeriods}), as the record's publication is.
     */
    public static LocalDate validUntil(LocalDate decisionDate, Integer validityMonths, LocalDate publicationEnd) {
        LocalDate byRule = validityMonths == null || decisionDate == null ? null
                : CivilPeriods.lastDayOfMonths(decisionDate, validityMonths);
        if (byRule == null) {
            return publicationEnd;
        }
        return publicationEnd == null || byRule.isBefore(publicationEnd) ? byRule : publicationEnd;
    }

    /**
     * The last day in force of an entry resting on a record of {@code itemCode} with this {@code content}: for a
     * court's own listing (失信被执行人, {@link CourtListingTerm}), the term the court decided, not the rule's — RULES.md
     * §7; 法释〔2017〕7号第一条、第二条:
     * <ul>
     *     <li>the last day the court gave it ({@link CourtListingTerm#END_FIELD}: two years, or extended by one to three
     *     for aggravating grounds, 第二条第二款), never beyond the record's own publication;</li>
     *     <li>else none for a defaulter able to perform and refusing (第一条第一项): he stays listed until the court
     *     deletes him or his record is no longer shown;</li>
     *     <li>else the two years of 第二条第一款 for the grounds of 第一条第二项至第六项: the rule's validity (at most 24
     *     months, {@link ListRule#COURT_LISTING_MONTHS}), or 24 months when the rule leaves it to the court.</li>
     * </ul>
     * Any other record: {@link #validUntil(LocalDate, Integer, LocalDate)}.
     */
    public static LocalDate validUntil(String itemCode, Map<String, String> content, LocalDate decisionDate,
                                       Integer validityMonths, LocalDate publicationEnd) {
        if (!CourtListingTerm.listedByCourt(itemCode)) {
            return validUntil(decisionDate, validityMonths, publicationEnd);
        }
        LocalDate courtsEnd = CourtListingTerm.endIn(content);
        if (courtsEnd != null) {
            return publicationEnd == null || courtsEnd.isBefore(publicationEnd) ? courtsEnd : publicationEnd;
        }
        if (content != null && CourtListingTerm.withoutTerm(content.get(CourtListingTerm.BEHAVIOUR_FIELD))) {
            return null;
        }
        return validUntil(decisionDate, validityMonths == null ? CourtListingTerm.STATUTORY_MONTHS : validityMonths,
                publicationEnd);
    }

    /**
     * The longest a department's proposal may stay in force: the longest publication period of RULES.md §4 (严重,
     * 3 years; 国办发〔2025〕22号). An entry by hand rests on no record whose period would end it, so its own last
     * day is all that stops its measures.
     */
    public static final Period LONGEST_MANUAL_VALIDITY = Period.ofYears(3);

    /**
     * What is wrong with the last day a department gave its proposal ({@code validUntil}); empty when it may stand:
     * it is required, after today and within {@link #LONGEST_MANUAL_VALIDITY}.
     */
    public static Optional<String> manualValidityProblem(LocalDate validUntil, LocalDate today) {
        LocalDate latest = today.plus(LONGEST_MANUAL_VALIDITY);
        if (validUntil == null) {
            return Optional.of("须填写有效期至（最长 3 年，至" + latest + "）");
        }
        if (!validUntil.isAfter(today)) {
            return Optional.of("有效期至须晚于今天");
        }
        if (validUntil.isAfter(latest)) {
            return Optional.of("有效期至不得晚于" + latest + "（最长 3 年，与严重失信信息的最长公示期相同）");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the day of the act a department's proposal names ({@code actDay}); empty when it may stand:
     * it is required — the age RULES.md §6 protects is the age at the act ({@link #refusal}) — and not after today.
     */
    public static Optional<String> actDayProblem(LocalDate actDay, LocalDate today) {
        if (actDay == null) {
            return Optional.of("须填写行为发生日期（据以认定的行为发生之日，用于核实行为时是否已满十八周岁）");
        }
        if (actDay.isAfter(today)) {
            return Optional.of("行为发生日期不得晚于今天");
        }
        return Optional.empty();
    }

    /**
     * Why a person may not be put on the black or grey list. A minor at the act is refused for good; a person of
     * unknown age only until their birth date is completed, so the two carry different codes (the clerk acts on one,
     * not on the other).
     */
    public record Refusal(Ground ground, String message) {

        public enum Ground {
            /** Under 18 on the day of the act: never listed for it (RULES.md §6). */
            MINOR,
            /** No birth date in the registry: nobody can show the act was an adult's, until it is completed. */
            AGE_UNKNOWN
        }

        /** The stable code a refusal by hand answers with (problem+json {@code code}). */
        public String code() {
            return "LIST_" + ground.name();
        }
    }

    /**
     * Why the subject may not be put on the list, if so. RULES.md §6: minors are never put on dishonesty lists, and
     * misconduct committed as a minor stays protected once they are of age, so a person is refused the black and
     * grey lists when under 18 on {@code actOn}: the decision date of the record, the nearest to the act a record
     * carries (a proposal by hand names no record: the day of the act it names, {@link #actDayProblem}). A person
     * whose birth date is unknown is refused too, by rule and by hand alike: nobody can show the act was an adult's,
     * and the protection must not depend on a missing field; the birth date is completed in the subject registry
     * first. Organisations have no age; the red list rewards minors as well.
     */
    public static Optional<Refusal> refusal(ListType type, boolean person, LocalDate birthDate, LocalDate actOn) {
        if (type == ListType.RED || !person) {
            return Optional.empty();
        }
        if (birthDate == null) {
            return Optional.of(new Refusal(Refusal.Ground.AGE_UNKNOWN, "出生日期不明，无法确认行为发生时已满十八周岁，不得列入"
                    + type.label() + "（请在“信用主体”页按证件类型查询该主体，依据证明材料提出补全出生日期，经另一名工作人员审核"
                    + "同意后再行认定；依据信用记录的认定建议届时自动提出）"));
        }
        if (birthDate.plusYears(18).isAfter(actOn)) {
            return Optional.of(new Refusal(Refusal.Ground.MINOR, "行为发生时未满十八周岁：未成年人不得列入" + type.label()));
        }
        return Optional.empty();
    }
}
