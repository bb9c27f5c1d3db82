package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The public holidays whose dates the law itself fixes (《全国年节及纪念日放假办法》 Art. 2): 元旦 1 January, 劳动节
 * 1 May (and 2 May from 2025, 国务院令第795号), 国庆节 1–3 October. They rest whatever the State Council's yearly
 * notice adds (it moves other days around them, never them), so a year whose notice has not been entered yet, or a
 * schedule entered with one of them forgotten, still does not count them as working days. The lunar
 * holidays (春节, 清明, 端午, 中秋) and the adjusted days (调休, 补假) come only from the notice and are not guessed.
 */
final class StatutoryHolidays {

    /** 国务院令第795号 (2024 revision) applies from 1 January 2025: 劳动节 2 days. */
    private static final int REVISION_2024_FROM = 2025;

    private static final List<MonthDay> ALWAYS = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1),
            MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));
    private static final MonthDay LABOUR_DAY_SECOND = MonthDay.of(5, 2);

    private StatutoryHolidays() {
    }

    static boolean isFixedHoliday(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return ALWAYS.contains(day) || (day.equals(LABOUR_DAY_SECOND) && date.getYear() >= REVISION_2024_FROM);
    }
}
