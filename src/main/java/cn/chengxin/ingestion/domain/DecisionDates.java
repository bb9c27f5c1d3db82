package cn.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.shared.calendar.DateText;

/**
 * The decision date of a record (RULES.md §4: periods count from it): a real date, not in the future, and for
 * a person not before their birth.
 */
public final class DecisionDates {

    private DecisionDates() {
    }

    public record Problem(String code, String message) {
    }

    /** The day as departments' exports write it ({@link DateText}); empty when it is missing or no real day. */
    public static Optional<LocalDate> parse(String text) {
        return DateText.parse(text);
    }

    public static Optional<Problem> check(LocalDate decision, LocalDate today, LocalDate birth) {
        if (decision.isAfter(today)) {
            return Optional.of(new Problem("DECISION_DATE_FUTURE", "决定日期 " + decision + " 晚于今天"));
        }
        if (birth != null && decision.isBefore(birth)) {
            return Optional.of(new Problem("DECISION_DATE_BEFORE_BIRTH", "决定日期早于当事人出生日期"));
        }
        return Optional.empty();
    }

    /** The last day a record is shown: the period counts from the decision date; {@code null}: long-term. */
    public static LocalDate lastDay(LocalDate decision, Integer months) {
        return months == null ? null : decision.plusMonths(months).minusDays(1);
    }

    public static LocalDate lastDayOfYears(LocalDate decision, Integer years) {
        return years == null ? null : decision.plusYears(years).minusDays(1);
    }
}
