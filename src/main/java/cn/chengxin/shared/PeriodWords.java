package cn.chengxin.shared;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A period as a person reads it, not as a setting is written (gaps review xxxi M6: the privacy rules state how long
 * things are kept): {@code P3Y} is 3年 on a Chinese page and "3 years" on an English one, {@code P1Y6M} 1年6个月 and
 * "1 year and 6 months", {@code P30D} 30天 and "30 days". The period is said as written (18 months stay 18个月); an
 * English page says English, every other one Chinese, as the message files fall back.
 */
public final class PeriodWords {

    private PeriodWords() {
    }

    public static String of(Period period, Locale locale) {
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), english ? "year" : "年", english);
        add(parts, period.getMonths(), english ? "month" : "个月", english);
        add(parts, period.getDays(), english ? "day" : "天", english);
        if (parts.isEmpty()) {
            return english ? "0 days" : "0天";
        }
        if (!english) {
            return String.join("", parts);
        }
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static void add(List<String> parts, int amount, String unit, boolean english) {
        if (amount != 0) {
            parts.add(english ? amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s") : amount + unit);
        }
    }
}
