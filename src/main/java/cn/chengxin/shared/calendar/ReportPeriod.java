package cn.chengxin.shared.calendar;

import java.time.LocalDate;

/**
 * The days a console report covers, both ends included: the year so far unless the reader chose an end, as the data
 * quality and department supervision pages offer it. {@link #valid()} is false when the chosen end precedes the start.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The chosen ends, each missing one taken from the year so far ({@code today}'s 1 January to today). */
    public static ReportPeriod chosenOrYearToDate(LocalDate from, LocalDate to, LocalDate today) {
        return new ReportPeriod(from == null ? today.withDayOfYear(1) : from, to == null ? today : to);
    }

    public boolean valid() {
        return !to.isBefore(from);
    }
}
