package cn.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.shared.calendar.CivilPeriods;
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

    /**
     * Why a decision date could not be read. A whole number in Excel's range of day numbers (1 for 1900-01-01 to
     * 73050 for 2099-12-31) is a date cell saved without its date format: the message names the day it would be and
     * how to send it, but the row is refused, as the number might be anything else.
     */
    public static String unreadable(String text) {
        String message = "决定日期缺失或不是有效日期（如 2026-01-05、2026/1/5、2026年1月5日）";
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{1,5}")) {
            int serial = Integer.parseInt(t);
            if (serial >= 1 && serial <= EXCEL_LAST) {
                // Excel counts 1900-02-29, a day that never was: serials after it are one day ahead.
                LocalDate day = EXCEL_EPOCH.plusDays(serial > 59 ? serial - 1 : serial);
                message += "；" + t + " 像是 Excel 的日期序号（" + day + "）：请把该列设为日期格式后重新导出";
            }
        }
        return message;
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 31);
    private static final int EXCEL_LAST = 73050;

    public static Optional<Problem> check(LocalDate decision, LocalDate today, LocalDate birth) {
        if (decision.isAfter(today)) {
            return Optional.of(new Problem("DECISION_DATE_FUTURE", "决定日期 " + decision + " 晚于今天"));
        }
        if (birth != null && decision.isBefore(birth)) {
            return Optional.of(new Problem("DECISION_DATE_BEFORE_BIRTH", "决定日期早于当事人出生日期"));
        }
        return Optional.empty();
    }

    /**
     * The last day a record is shown: the period counts from the decision date, as the law counts periods in months
     * ({@link CivilPeriods}); {@code null}: long-term.
     */
    public static LocalDate lastDay(LocalDate decision, Integer months) {
        return CivilPeriods.lastDayOfMonths(decision, months);
    }

    /** The last day a record is kept, counted as {@link #lastDay}; {@code null}: long-term. */
    public static LocalDate lastDayOfYears(LocalDate decision, Integer years) {
        return CivilPeriods.lastDayOfYears(decision, years);
    }
}
