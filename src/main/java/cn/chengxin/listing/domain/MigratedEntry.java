package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.listing.NoticeDelivery;

/**
 * A list entry the system the platform replaces decided (迁移的名单条目; gaps review xliii X2, RULES.md §7): imported in
 * force with the days the old system kept, not proposed again. A decision already taken is held to what the platform
 * holds its own to, on its own days rather than today's: the act on or before the decision's effect, the written
 * notice (where the rule owes one) issued after the act and served on or after its issue ({@link NoticeServing}) and
 * before the effect — the subject was told before being listed — and the validity within the longest a decision by hand
 * may run ({@link EntryLifecycle#LONGEST_MANUAL_VALIDITY}, 3 years) counted from the act day, since the platform's
 * proposal by hand counts it from the day of its decision, today. An effect still to come is not the old system's to
 * give: the cut-over stops its decisions, so such a row is proposed here instead.
 * <p>
 * A court's own listing of a defaulter (失信被执行人, a rule {@link ListRule#listedByCourt}) runs as the court decided
 * (RULES.md §7; 法释〔2017〕7号第二条、第十条): one able to perform and refusing (第一条第一项) has no term and stays listed
 * until he performs and the court deletes him — the row leaves {@code valid_until} empty and the entry is stored
 * open-ended (未定期限), in force until an exit; the other grounds run two years, which the court may extend by one to
 * three ({@link #LONGEST_COURT_TERM} from the act day). Every other list has a term its rule gives: an empty last day
 * is refused there, as before.
 */
public final class MigratedEntry {

    /**
     * The longest a court lists a defaulter (法释〔2017〕7号第二条): two years, extended by the court by at most three
     * more for aggravating grounds.
     */
    public static final java.time.Period LONGEST_COURT_TERM = java.time.Period.ofYears(5);

    private MigratedEntry() {
    }

    /** The days of one decision, as the old system kept them; the notice's three are all given or all absent. */
    public record Days(LocalDate actDay, LocalDate effectiveFrom, LocalDate validUntil, LocalDate noticeIssuedOn,
                       LocalDate noticeServedOn, NoticeDelivery.Channel channel) {
    }

    /**
     * What is wrong with the days, if anything (the first problem found, for the row's refusal): {@code noticeOwed} is
     * whether the entry's rule waits for a notice before effect ({@link ListRule#noticeRequired}); {@code listedByCourt}
     * whether it is a court's own listing ({@link ListRule#listedByCourt}), which may come without a last day and may
     * run {@link #LONGEST_COURT_TERM}.
     */
    public static Optional<String> problem(Days days, boolean noticeOwed, boolean listedByCourt, LocalDate today) {
        if (days.actDay() == null) {
            return Optional.of("须填写认定决定日期（act_day）");
        }
        if (days.actDay().isAfter(today)) {
            return Optional.of("认定决定日期不得晚于今天");
        }
        if (days.effectiveFrom() == null) {
            return Optional.of("须填写生效日期（effective_from）");
        }
        if (days.effectiveFrom().isBefore(days.actDay())) {
            return Optional.of("生效日期不得早于认定决定日期 " + days.actDay());
        }
        if (days.effectiveFrom().isAfter(today)) {
            return Optional.of("生效日期晚于今天：原系统的认定尚未生效，不能迁移为已生效条目，请在本平台重新提出认定建议");
        }
        if (days.validUntil() == null && !listedByCourt) {
            return Optional.of("须填写有效期至（valid_until）：只有人民法院纳入的失信被执行人名单可不填（未定期限，至法院删除）");
        }
        if (days.validUntil() != null) {
            LocalDate latest = days.actDay().plus(listedByCourt ? LONGEST_COURT_TERM
                    : EntryLifecycle.LONGEST_MANUAL_VALIDITY);
            if (days.validUntil().isBefore(days.effectiveFrom())) {
                return Optional.of("有效期至不得早于生效日期 " + days.effectiveFrom());
            }
            if (days.validUntil().isAfter(latest)) {
                return Optional.of("有效期至不得晚于" + latest + (listedByCourt
                        ? "（人民法院纳入期限：自认定决定日期起 2 年，延长后最长 5 年）" : "（自认定决定日期起最长 3 年）"));
            }
        }
        boolean anyNotice = days.noticeIssuedOn() != null || days.noticeServedOn() != null || days.channel() != null;
        boolean wholeNotice = days.noticeIssuedOn() != null && days.noticeServedOn() != null && days.channel() != null;
        if (noticeOwed && !wholeNotice) {
            return Optional.of("该认定规则须在生效前事先告知（公示）：须填写告知书出具日期、送达日期和送达方式");
        }
        if (anyNotice && !wholeNotice) {
            return Optional.of("告知书出具日期、送达日期和送达方式须一并填写");
        }
        if (wholeNotice) {
            if (days.noticeIssuedOn().isBefore(days.actDay())) {
                return Optional.of("告知书出具日期不得早于认定决定日期 " + days.actDay());
            }
            if (days.noticeServedOn().isBefore(days.noticeIssuedOn())) {
                return Optional.of("送达日期不得早于告知书出具日期 " + days.noticeIssuedOn());
            }
            if (days.effectiveFrom().isBefore(days.noticeServedOn())) {
                return Optional.of("生效日期不得早于告知书送达日期 " + days.noticeServedOn() + "（送达后方可生效）");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the entry was over before it came over: stored ended, as the expiry run would have ended it. An entry
     * without a last day (a court's, 未定期限) is never over by a day: only an exit ends it.
     */
    public static boolean expired(LocalDate validUntil, LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }
}
