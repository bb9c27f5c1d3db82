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
 */
public final class MigratedEntry {

    private MigratedEntry() {
    }

    /** The days of one decision, as the old system kept them; the notice's three are all given or all absent. */
    public record Days(LocalDate actDay, LocalDate effectiveFrom, LocalDate validUntil, LocalDate noticeIssuedOn,
                       LocalDate noticeServedOn, NoticeDelivery.Channel channel) {
    }

    /**
     * What is wrong with the days, if anything (the first problem found, for the row's refusal): {@code noticeOwed} is
     * whether the entry's rule waits for a notice before effect ({@link ListRule#noticeRequired}).
     */
    public static Optional<String> problem(Days days, boolean noticeOwed, LocalDate today) {
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
        if (days.validUntil() == null) {
            return Optional.of("须填写有效期至（valid_until）");
        }
        LocalDate latest = days.actDay().plus(EntryLifecycle.LONGEST_MANUAL_VALIDITY);
        if (days.validUntil().isBefore(days.effectiveFrom())) {
            return Optional.of("有效期至不得早于生效日期 " + days.effectiveFrom());
        }
        if (days.validUntil().isAfter(latest)) {
            return Optional.of("有效期至不得晚于" + latest + "（自认定决定日期起最长 3 年）");
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

    /** Whether the entry was over before it came over: stored ended, as the expiry run would have ended it. */
    public static boolean expired(LocalDate validUntil, LocalDate today) {
        return validUntil.isBefore(today);
    }
}
