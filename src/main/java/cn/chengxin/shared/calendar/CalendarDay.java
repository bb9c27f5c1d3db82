package cn.chengxin.shared.calendar;

import java.time.LocalDate;

/** One exception to the ordinary week, with the holiday it belongs to (e.g. 春节). */
public record CalendarDay(LocalDate date, DayKind kind, String holiday) {
}
